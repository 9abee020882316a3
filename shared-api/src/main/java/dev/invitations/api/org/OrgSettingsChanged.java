package dev.invitations.api.org;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The settings of an org changed; the fields hold all of them after the change (an empty list or {@code null}: the
 * default). It is no {@code InvitationEvent}: it is not in the org's invitation feed. It holds no personal data.
 * <p>
 * An org's settings changes are the events of one stream, {@link #aggregateIdentifierOf}, apart from every invitation's
 * stream; the first is number 0, and the settings' version (their {@code ETag}) is the count of changes, so an org
 * that never changed them is at version 0.
 *
 * @param defaultTtl  an ISO-8601 duration ({@code P7D}, {@code PT36H})
 * @param maximumTtl  an ISO-8601 duration
 * @param locale      a BCP 47 tag
 * @param redirectUrls absolute http(s) URLs without query or fragment
 */
@Revision("1")
public record OrgSettingsChanged(
        String orgId,
        String displayName,
        List<String> allowedEmailDomains,
        List<String> allowedRoles,
        List<String> defaultRoles,
        String defaultTtl,
        String maximumTtl,
        String locale,
        List<String> redirectUrls,
        Integer maxSendsPerInvitationPerDay,
        String changedBy,
        Instant changeTime) {

    private static final String STREAM_PREFIX = "org-settings:";

    /**
     * The aggregate identifier of the org's settings stream. Its prefix keeps it apart from invitation ids (UUIDs),
     * with which it shares the event store's unique (aggregate identifier, sequence number) index.
     */
    public static String aggregateIdentifierOf(String orgId) {
        return STREAM_PREFIX + orgId;
    }
}
