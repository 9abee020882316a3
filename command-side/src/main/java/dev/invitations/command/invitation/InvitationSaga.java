package dev.invitations.command.invitation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.invitations.api.invitation.InvitationAccepted;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.InvitationDeclined;
import dev.invitations.api.invitation.InvitationExpired;
import dev.invitations.api.invitation.InvitationResent;
import dev.invitations.api.invitation.InvitationRevoked;
import dev.invitations.api.invitation.InvitationUpdated;
import dev.invitations.api.invitation.PersonalDataErased;
import dev.invitations.command.email.EmailNotSent;
import dev.invitations.command.email.EmailProperties;
import dev.invitations.command.email.InvitationEmail;
import dev.invitations.command.email.InvitationMailer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coordinates what happens to one invitation over time: it sends the email of each send (retrying with backoff when
 * the SMTP server fails), and sends the expire command when the invitation's expiry comes. It decides nothing about
 * the invitation itself: the aggregate ignores an expiry that no longer applies, and a record of an email for a send
 * that was replaced. Ends when the invitation leaves PENDING for good (an EXPIRED one can still be resent), or
 * when its invitee's personal data is erased.
 * <p>
 * Its state is kept in the saga store as JSON; collaborators come in as handler parameters, so nothing that is not
 * state is stored, and no token ever is: the mailer derives it while sending.
 * <p>
 * Registered in {@code InvitationSagaConfiguration}, whose manager hands each event only to its invitation's segment.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class InvitationSaga {

    static final String EXPIRY = "invitation-expiry";
    static final String EMAIL_RETRY = "invitation-email-retry";
    private static final Logger log = LoggerFactory.getLogger(InvitationSaga.class);
    private static final String INVITATION_ID = "invitationId";
    private static final int MAX_ERROR = 500;
    private static final int RECORD_ATTEMPTS = 3;

    private String invitationId;
    /** What the current send's email says; null when the invitation asked for no email. */
    private InvitationEmail email;
    /** Attempts at the current send's email so far. */
    private int attempts;
    private String expiryDeadline;
    private String retryDeadline;

    @StartSaga
    @SagaEventHandler(associationProperty = INVITATION_ID)
    void on(InvitationCreated created, DeadlineManager deadlines, InvitationMailer mailer, CommandGateway commands,
            EmailProperties retries) {
        invitationId = created.invitationId();
        expiryDeadline = deadlines.schedule(created.expirationTime(), EXPIRY);
        if (!created.disableInvitationEmail()) {
            email = new InvitationEmail(created.invitationId(), created.orgId(), created.orgDisplayName(),
                    created.invitedEmail(), created.roles(), created.inviter(), created.locale(),
                    created.expirationTime(), 1, created.tokenHash());
            sendEmail(deadlines, mailer, commands, retries);
        }
    }

    @SagaEventHandler(associationProperty = INVITATION_ID)
    void on(InvitationResent resent, DeadlineManager deadlines, InvitationMailer mailer, CommandGateway commands,
            EmailProperties retries) {
        cancelDeadlines(deadlines);
        expiryDeadline = deadlines.schedule(resent.expirationTime(), EXPIRY);
        if (email != null) {
            email = email.resent(resent.sendCount(), resent.tokenHash(), resent.expirationTime(), resent.locale(),
                    resent.orgDisplayName());
            attempts = 0;
            sendEmail(deadlines, mailer, commands, retries);
        }
    }

    /** A later email (after a resend) names the roles as they are then. */
    @SagaEventHandler(associationProperty = INVITATION_ID)
    void on(InvitationUpdated updated) {
        if (email != null) {
            email = email.withRoles(updated.roles());
        }
    }

    /** An expired invitation gets no more attempts at its old email; a resend starts a new one. */
    @SagaEventHandler(associationProperty = INVITATION_ID)
    void on(InvitationExpired expired, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = INVITATION_ID)
    void on(InvitationAccepted accepted, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = INVITATION_ID)
    void on(InvitationDeclined declined, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = INVITATION_ID)
    void on(InvitationRevoked revoked, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    /**
     * Ends the saga of an invitation that is not pending any more (an expired one) and had its invitee's data
     * erased: the saga store and the retry deadline hold the email until then.
     */
    @EndSaga
    @SagaEventHandler(associationProperty = INVITATION_ID)
    void on(PersonalDataErased erased, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    /**
     * The aggregate decides whether the invitation has expired. The deadline carries no payload and the handler reads
     * none, so a stored deadline whose payload is the expire command under a class name that no longer exists
     * ({@code dev.invitations.api.invitation.ExpireInvitation}, read as an unknown type) expires the invitation too.
     * The first parameter is the deadline message because Axon takes a first parameter of any other type for the
     * payload.
     */
    @DeadlineHandler(deadlineName = EXPIRY)
    void expire(DeadlineMessage<?> expiry, CommandGateway commands) {
        expiryDeadline = null;
        commands.sendAndWait(new ExpireInvitation(invitationId));
    }

    /** The deadline carries the email it retries, which is the current send's: a resend cancels it. */
    @DeadlineHandler(deadlineName = EMAIL_RETRY)
    void retryEmail(InvitationEmail retried, DeadlineManager deadlines, InvitationMailer mailer,
                    CommandGateway commands, EmailProperties retries) {
        retryDeadline = null;
        sendEmail(deadlines, mailer, commands, retries);
    }

    private void sendEmail(DeadlineManager deadlines, InvitationMailer mailer, CommandGateway commands,
                           EmailProperties retries) {
        attempts++;
        try {
            mailer.send(email);
        } catch (EmailNotSent e) {
            boolean retrying = attempts < retries.maxAttempts();
            log.warn("invitation email {} attempt {} failed: {}", invitationId, attempts, e.getMessage());
            record(commands, new RecordEmailFailure(invitationId, email.sendCount(), attempts, describe(e), retrying));
            if (retrying) {
                retryDeadline = deadlines.schedule(retries.delayAfter(attempts), EMAIL_RETRY, email);
            }
            return;
        }
        record(commands, new RecordEmailSent(invitationId, email.sendCount(), attempts));
    }

    /**
     * Records what became of an email. A command of another instance on the same invitation (an accept, say) may be
     * stored first; the record is then tried again, as the aggregate records an email once whatever the repeats.
     */
    private static void record(CommandGateway commands, Object outcome) {
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(outcome);
                return;
            } catch (RuntimeException failure) {
                if (attempt == RECORD_ATTEMPTS || !isConflict(failure)) {
                    throw failure;
                }
            }
        }
    }

    /** A conflict with a command stored first (the event store refused the same sequence number), as such or wrapped. */
    private static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    private void cancelDeadlines(DeadlineManager deadlines) {
        if (expiryDeadline != null) {
            deadlines.cancelSchedule(EXPIRY, expiryDeadline);
            expiryDeadline = null;
        }
        if (retryDeadline != null) {
            deadlines.cancelSchedule(EMAIL_RETRY, retryDeadline);
            retryDeadline = null;
        }
    }

    /** The SMTP server's answer, or why it could not be reached: the innermost cause says it best. */
    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage().strip() : cause.getClass().getSimpleName();
        return message.length() <= MAX_ERROR ? message : message.substring(0, MAX_ERROR);
    }
}
