package dev.invitations.command.invitation;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.invitation.InvitationAccepted;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.InvitationDeclined;
import dev.invitations.api.invitation.InvitationEmailFailed;
import dev.invitations.api.invitation.InvitationEmailSent;
import dev.invitations.api.invitation.InvitationExpired;
import dev.invitations.api.invitation.InvitationResent;
import dev.invitations.api.invitation.InvitationRevoked;
import dev.invitations.api.invitation.InvitationUpdated;
import dev.invitations.api.invitation.PersonalDataErased;
import dev.invitations.api.org.OrgId;
import dev.invitations.api.token.InvitationTokens;
import dev.invitations.command.invitation.InvitationRejected.Reason;
import dev.invitations.command.settings.OrgPolicies;
import dev.invitations.command.settings.OrgPolicy;
import dev.invitations.resource.InvitationState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An invitation and every rule about it: which transitions its state allows, which token is valid, when it has
 * expired. It keeps only the state those rules read; everything a reader wants is in the events.
 */
@Aggregate
public class Invitation {

    /** The language of an invitation that names none, in an org that names none. */
    static final String DEFAULT_LOCALE = "en";
    static final String REVOKED_BY_ERASURE = "the invitee's personal data was erased";

    @AggregateIdentifier
    private String invitationId;
    private OrgId orgId;
    private EmailAddress invitedEmail;
    private List<String> roles;
    private Map<String, String> labels;
    private String locale;
    /** What the accepted event hands the membership service; null once erased. */
    private Map<String, Object> metadata;
    private InvitationState state;
    private int sendCount;
    private String tokenHash;
    /** When each send happened (the create, then each resend): the org may limit sends per 24 hours. */
    private final List<Instant> sendTimes = new ArrayList<>();
    /** Hashes of tokens replaced by a resend: they answer "gone", not "unknown". */
    private final List<String> supersededTokenHashes = new ArrayList<>();
    private Instant expirationTime;
    /** The send whose email the SMTP server took last: a repeated record of it changes nothing. */
    private int deliveredSendCount;
    /** Whether the invitee's personal data was erased: {@code invitedEmail} is then null, and no command applies. */
    private boolean erased;

    protected Invitation() {
        // for Axon, which rebuilds the invitation from its events
    }

    /**
     * The org's policy decides the email domains, the roles (and those given when none are), and redirects. Answers
     * with the event that created the invitation: the caller answers with it without reading the invitation back.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public InvitationCreated handle(CreateInvitation command, InvitationTokens tokens, PendingEmailClaims claims) {
        OrgPolicy policy = command.policy();
        requireAllowedDomain(policy, command.invitedEmail());
        List<String> roles = policy.rolesFor(command.roles() == null ? null : command.roles().values());
        if (roles.isEmpty()) {
            throw new InvitationRejected(Reason.ROLES_REQUIRED, "is required: the org has no default roles");
        }
        List<String> disallowed = policy.disallowedRoles(roles);
        if (!disallowed.isEmpty()) {
            throw new InvitationRejected(Reason.ROLE_NOT_ALLOWED, "the org does not allow the roles " + disallowed);
        }
        if (command.redirectUrl() != null && !policy.allowsRedirect(command.redirectUrl())) {
            throw new InvitationRejected(Reason.REDIRECT_NOT_ALLOWED,
                    "the redirect URL is not one of the org's redirect URLs, nor below one");
        }
        String locale = command.locale() != null ? command.locale()
                : policy.locale() != null ? policy.locale() : DEFAULT_LOCALE;
        claims.claim(command.orgId().value(), command.invitedEmail().value(), command.invitationId());
        var created = new InvitationCreated(command.invitationId(), command.orgId().value(),
                command.invitedEmail().value(), roles, command.inviter(), command.labels(),
                command.disableInvitationEmail(), tokens.hashOf(command.invitationId(), 1), command.expirationTime(),
                locale, policy.displayName(), command.redirectUrl() == null ? null : command.redirectUrl().toString(),
                command.metadata(), command.actor(), now());
        apply(created);
        return created;
    }

    @CommandHandler
    public void handle(ResendInvitation command, InvitationTokens tokens, PendingEmailClaims claims,
                       ConflictResolver conflicts) {
        requireOrg(command.orgId());
        rejectChangesSinceExpectedVersion(conflicts);
        requireNotErased();
        if (state != InvitationState.PENDING && state != InvitationState.EXPIRED) {
            throw new InvitationRejected(Reason.NOT_PENDING, "a " + state + " invitation cannot be resent");
        }
        OrgPolicy policy = command.policy();
        requireAllowedDomain(policy, invitedEmail);
        policy.nextSendAllowedAt(sendTimes, now()).ifPresent(next -> {
            throw new SendLimitReached(policy.maxSendsPerDay().orElseThrow(), next);
        });
        if (state == InvitationState.EXPIRED) {
            claims.claim(orgId.value(), emailValue(), invitationId);
        }
        int nextSend = sendCount + 1;
        apply(new InvitationResent(invitationId, orgId.value(), emailValue(),
                tokens.hashOf(invitationId, nextSend), nextSend, command.expirationTime(),
                command.locale() != null ? command.locale() : locale, policy.displayName(), command.actor(), now()));
    }

    @CommandHandler
    public void handle(RevokeInvitation command, ConflictResolver conflicts) {
        requireOrg(command.orgId());
        rejectChangesSinceExpectedVersion(conflicts);
        requireNotErased();
        requirePending("revoked");
        apply(new InvitationRevoked(invitationId, orgId.value(), emailValue(), command.reason(),
                command.actor(), now()));
    }

    @CommandHandler
    public void handle(UpdateInvitation command, ConflictResolver conflicts) {
        requireOrg(command.orgId());
        rejectChangesSinceExpectedVersion(conflicts);
        requireNotErased();
        requirePending("updated");
        List<String> newRoles = command.roles() != null ? command.roles().values() : roles;
        Map<String, String> newLabels = command.labels() != null ? command.labels() : labels;
        if (newRoles.equals(roles) && Objects.equals(newLabels, labels)) {
            return;
        }
        apply(new InvitationUpdated(invitationId, orgId.value(), newRoles, newLabels, command.actor(), now()));
    }

    /** An {@code email} given by the invitee must lie in the org's allowed email domains, as the invited one did. */
    @CommandHandler
    public void handle(AcceptInvitation command, OrgPolicies policies) {
        requireUsableToken(command.tokenHash());
        requireNotErased();
        if (command.requireEmailMatch() && !invitedEmail.equals(command.email())) {
            throw new InvitationRejected(Reason.EMAIL_MISMATCH, "the email does not match the invited email");
        }
        if (command.email() != null && !policies.current(orgId).allowsEmail(command.email())) {
            throw new InvitationRejected(Reason.ACCEPTING_EMAIL_NOT_ALLOWED,
                    "the org does not allow members with that email's domain");
        }
        apply(new InvitationAccepted(invitationId, orgId.value(), emailValue(), roles, command.acceptedBy(),
                metadata, now()));
    }

    /** As an accept by token; an invitation to another email is no invitation of this invitee's at all. */
    @CommandHandler
    public void handle(AcceptInvitationAsInvitee command, OrgPolicies policies) {
        requireAddressedTo(command.verifiedEmail());
        requireAnswerable();
        if (!policies.current(orgId).allowsEmail(command.verifiedEmail())) {
            throw new InvitationRejected(Reason.ACCEPTING_EMAIL_NOT_ALLOWED,
                    "the org does not allow members with that email's domain");
        }
        apply(new InvitationAccepted(invitationId, orgId.value(), emailValue(), roles, command.acceptedBy(),
                metadata, now()));
    }

    @CommandHandler
    public void handle(DeclineInvitationAsInvitee command) {
        requireAddressedTo(command.verifiedEmail());
        requireAnswerable();
        apply(new InvitationDeclined(invitationId, orgId.value(), emailValue(), now()));
    }

    @CommandHandler
    public void handle(DeclineInvitation command) {
        requireUsableToken(command.tokenHash());
        requireNotErased();
        apply(new InvitationDeclined(invitationId, orgId.value(), emailValue(), now()));
    }

    @CommandHandler
    public void handle(ExpireInvitation command) {
        // a late or repeated deadline, or one for an invitation resent since, changes nothing
        if (state == InvitationState.PENDING && !erased && hasPassedExpiry()) {
            apply(new InvitationExpired(invitationId, orgId.value(), emailValue(), now()));
        }
    }

    @CommandHandler
    public void handle(RecordEmailSent command) {
        // a record for a send that a resend replaced, or one already recorded, changes nothing
        if (command.sendCount() == sendCount && deliveredSendCount != sendCount && !erased) {
            apply(new InvitationEmailSent(invitationId, orgId.value(), emailValue(), sendCount,
                    command.attempts(), now()));
        }
    }

    @CommandHandler
    public void handle(RecordEmailFailure command) {
        if (command.sendCount() == sendCount && deliveredSendCount != sendCount && !erased) {
            apply(new InvitationEmailFailed(invitationId, orgId.value(), emailValue(), sendCount,
                    command.attempts(), command.error(), command.retrying(), now()));
        }
    }

    /**
     * Erases the invitee's personal data from this invitation: a pending invitation is revoked first (its link stops
     * working), then the erasure is recorded. The caller destroys the invitee's key after this, which is what makes
     * the personal fields of every event unreadable. Erasing again changes nothing.
     */
    @CommandHandler
    public void handle(ErasePersonalData command) {
        requireOrg(command.orgId());
        if (erased) {
            return;
        }
        if (state == InvitationState.PENDING) {
            apply(new InvitationRevoked(invitationId, orgId.value(), emailValue(), REVOKED_BY_ERASURE,
                    command.actor(), now()));
        }
        apply(new PersonalDataErased(invitationId, orgId.value(), command.actor(), now()));
    }

    @EventSourcingHandler
    void on(InvitationCreated event) {
        invitationId = event.invitationId();
        orgId = new OrgId(event.orgId());
        // null when the invitee's key is gone: their personal data was erased
        invitedEmail = event.invitedEmail() == null ? null : new EmailAddress(event.invitedEmail());
        roles = event.roles();
        labels = event.labels();
        locale = event.locale();
        metadata = event.metadata();
        sendTimes.add(event.createTime());
        state = InvitationState.PENDING;
        sendCount = 1;
        tokenHash = event.tokenHash();
        expirationTime = event.expirationTime();
    }

    @EventSourcingHandler
    void on(InvitationResent event) {
        supersededTokenHashes.add(tokenHash);
        tokenHash = event.tokenHash();
        sendCount = event.sendCount();
        expirationTime = event.expirationTime();
        locale = event.locale();
        sendTimes.add(event.resendTime());
        state = InvitationState.PENDING;
    }

    @EventSourcingHandler
    void on(InvitationUpdated event) {
        roles = event.roles();
        labels = event.labels();
    }

    @EventSourcingHandler
    void on(InvitationRevoked event) {
        state = InvitationState.REVOKED;
    }

    @EventSourcingHandler
    void on(InvitationAccepted event) {
        state = InvitationState.ACCEPTED;
    }

    @EventSourcingHandler
    void on(InvitationDeclined event) {
        state = InvitationState.DECLINED;
    }

    @EventSourcingHandler
    void on(InvitationExpired event) {
        state = InvitationState.EXPIRED;
    }

    @EventSourcingHandler
    void on(InvitationEmailSent event) {
        deliveredSendCount = event.sendCount();
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erased = true;
        invitedEmail = null;
        metadata = null;
    }

    /**
     * {@code If-Match} names the version the caller saw. Only a change of the invitation since then conflicts; a
     * record of its email's delivery, written meanwhile by the saga, does not.
     */
    private static void rejectChangesSinceExpectedVersion(ConflictResolver conflicts) {
        conflicts.detectConflicts(events -> events.stream().anyMatch(event ->
                !(event.getPayload() instanceof InvitationEmailSent || event.getPayload() instanceof InvitationEmailFailed)));
    }

    /** Commands addressed through an org must name the invitation's own org: no other tenant learns it exists. */
    private void requireOrg(OrgId commandOrgId) {
        if (!orgId.equals(commandOrgId)) {
            throw new InvitationRejected(Reason.NOT_FOUND, "no such invitation");
        }
    }

    private static void requireAllowedDomain(OrgPolicy policy, EmailAddress email) {
        if (!policy.allowsEmail(email)) {
            throw new InvitationRejected(Reason.EMAIL_DOMAIN_NOT_ALLOWED,
                    "the org invites only emails of the domains " + policy.allowedEmailDomains());
        }
    }

    private void requireNotErased() {
        if (erased) {
            throw new InvitationRejected(Reason.GONE, "the invitee's personal data was erased");
        }
    }

    /** The invited email as the events carry it; null once it was erased (or its key is gone). */
    private String emailValue() {
        return invitedEmail == null ? null : invitedEmail.value();
    }

    private void requirePending(String action) {
        if (state != InvitationState.PENDING) {
            throw new InvitationRejected(Reason.NOT_PENDING, "a " + state + " invitation cannot be " + action);
        }
    }

    /** The checks shared by accept and decline, in the order that gives the most telling answer. */
    private void requireUsableToken(String presentedHash) {
        if (InvitationTokens.sameHash(tokenHash, presentedHash)) {
            requireAnswerable();
        } else if (supersededTokenHashes.stream().anyMatch(old -> InvitationTokens.sameHash(old, presentedHash))) {
            throw new InvitationRejected(Reason.GONE, "the invitation was resent with a new link");
        } else {
            throw new InvitationRejected(Reason.NOT_FOUND, "unknown token");
        }
    }

    /** Pending and not expired: what an accept or a decline needs, whatever the credential. */
    private void requireAnswerable() {
        switch (state) {
            case PENDING -> {
                if (hasPassedExpiry()) {
                    throw new InvitationRejected(Reason.GONE, "the invitation has expired");
                }
            }
            case ACCEPTED -> throw new InvitationRejected(Reason.ALREADY_ACCEPTED,
                    "the invitation has already been accepted");
            default -> throw new InvitationRejected(Reason.GONE,
                    "the invitation is " + state.name().toLowerCase(Locale.ROOT));
        }
    }

    /** A signed-in invitee sees only the invitations to their own email (none once erased). */
    private void requireAddressedTo(EmailAddress verifiedEmail) {
        if (erased || invitedEmail == null || !invitedEmail.equals(verifiedEmail)) {
            throw new InvitationRejected(Reason.NOT_FOUND, "no such invitation");
        }
    }

    private boolean hasPassedExpiry() {
        return !now().isBefore(expirationTime);
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
