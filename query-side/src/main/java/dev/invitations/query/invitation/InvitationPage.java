package dev.invitations.query.invitation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.invitations.resource.InvitationResource;

import java.util.List;

/** One page of a list, with the cursors to the pages around it; {@code totalSize} only when asked for. */
public record InvitationPage(
        List<InvitationResource> invitations,
        String next,
        String prev,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long totalSize) {
}
