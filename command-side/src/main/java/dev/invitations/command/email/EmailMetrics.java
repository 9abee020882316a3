package dev.invitations.command.email;

import dev.invitations.api.invitation.InvitationEmailFailed;
import dev.invitations.api.invitation.InvitationEmailSent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * {@code invitations.emails{outcome}}: the invitation emails this instance recorded as {@code sent}, as failed and
 * {@code retried} later, and as {@code failed} for good. Counted from the events as they are stored, in a subscribing
 * processor, so a replay never counts them again.
 */
@Component
@ProcessingGroup(EmailMetrics.PROCESSING_GROUP)
class EmailMetrics {

    static final String PROCESSING_GROUP = "email-metrics";

    private final Counter sent;
    private final Counter retried;
    private final Counter failed;

    EmailMetrics(MeterRegistry meters) {
        this.sent = counter(meters, "sent", "emails the SMTP server took");
        this.retried = counter(meters, "retried", "attempts that failed and are tried again later");
        this.failed = counter(meters, "failed", "emails given up on after their last attempt");
    }

    @EventHandler
    void on(InvitationEmailSent sentEmail) {
        sent.increment();
    }

    @EventHandler
    void on(InvitationEmailFailed failure) {
        (failure.retrying() ? retried : failed).increment();
    }

    private static Counter counter(MeterRegistry meters, String outcome, String description) {
        return Counter.builder("invitations.emails").tag("outcome", outcome).description(description).register(meters);
    }
}
