package dev.invitations.query.invitation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.invitations.resource.InvitationResource;

import java.util.List;

/** An invitation resource with its whole history beside its fields, as the personal data export shows it. */
public record InvitationWithHistory(@JsonUnwrapped InvitationResource invitation, List<HistoryEntry> history) {
}
