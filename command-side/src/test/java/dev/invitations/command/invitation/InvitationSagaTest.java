package dev.invitations.command.invitation;

import dev.invitations.api.invitation.InvitationAccepted;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.InvitationDeclined;
import dev.invitations.api.invitation.InvitationExpired;
import dev.invitations.api.invitation.InvitationResent;
import dev.invitations.api.invitation.InvitationRevoked;
import dev.invitations.api.invitation.InvitationUpdated;
import dev.invitations.api.invitation.PersonalDataErased;
import dev.invitations.api.token.InvitationTokens;
import dev.invitations.command.FreePorts;
import dev.invitations.command.MailServerForTests;
import dev.invitations.command.email.EmailProperties;
import dev.invitations.command.email.InvitationEmail;
import dev.invitations.command.email.InvitationMailer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the saga does over an invitation's life, given its events and the passing of time. */
class InvitationSagaTest {

    private static final String ORG = "acme";
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant EXPIRY = T0.plus(Duration.ofDays(7));
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);

    private final InvitationTokens tokens =
            new InvitationTokens("a-test-secret-that-is-long-enough-for-hmac".getBytes(StandardCharsets.UTF_8));
    private final String id = UUID.randomUUID().toString();
    private final String email = id.substring(0, 8) + "@example.com";
    private SagaTestFixture<InvitationSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureMailingTo(MailServerForTests.port());
    }

    @Nested
    class Expiry {

        @Test
        void aCreatedInvitationExpiresAtItsExpirationTime() {
            fixture.givenCurrentTime(T0)
                    .whenPublishingA(created(true))
                    .expectActiveSagas(1)
                    .expectScheduledDeadlineWithName(EXPIRY, InvitationSaga.EXPIRY);
            fixture = fixtureMailingTo(MailServerForTests.port());
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(created(true))
                    .whenTimeAdvancesTo(EXPIRY)
                    .expectTriggeredDeadlinesWithName(InvitationSaga.EXPIRY)
                    .expectDispatchedCommands(new ExpireInvitation(id));
        }

        @Test
        void aResendMovesTheDeadlineToTheNewExpiry() {
            Instant newExpiry = EXPIRY.plus(Duration.ofDays(3));
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(created(true))
                    .andThenAPublished(resent(newExpiry))
                    .whenTimeAdvancesTo(EXPIRY)
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(newExpiry, InvitationSaga.EXPIRY);
            fixture = fixtureMailingTo(MailServerForTests.port());
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(created(true))
                    .andThenAPublished(resent(newExpiry))
                    .whenTimeAdvancesTo(newExpiry)
                    .expectDispatchedCommands(new ExpireInvitation(id));
        }

        @Test
        void acceptingDecliningOrRevokingEndsTheSagaAndItsDeadline() {
            for (Object ending : new Object[]{
                    new InvitationAccepted(id, ORG, email, List.of("member"), null, null, T0),
                    new InvitationDeclined(id, ORG, email, T0),
                    new InvitationRevoked(id, ORG, email, null, "admin", T0)}) {
                fixture = fixtureMailingTo(MailServerForTests.port());
                fixture.givenCurrentTime(T0)
                        .andThenAPublished(created(true))
                        .whenPublishingA(ending)
                        .expectActiveSagas(0)
                        .expectNoScheduledDeadlines();
            }
        }

        @Test
        void anExpiredInvitationKeepsItsSagaForAResend() {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(created(true))
                    .whenPublishingA(new InvitationExpired(id, ORG, email, EXPIRY))
                    .expectActiveSagas(1)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void anErasureEndsTheSagaOfAnExpiredInvitationWhoseStateHeldTheEmail() {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(created(false))
                    .andThenAPublished(new InvitationExpired(id, ORG, email, EXPIRY))
                    .whenPublishingA(new PersonalDataErased(id, ORG, "privacy-officer", EXPIRY))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class Email {

        @Test
        void theEmailOfACreatedInvitationIsSentAndRecorded() {
            fixture.givenCurrentTime(T0)
                    .whenPublishingA(created(false))
                    .expectDispatchedCommands(new RecordEmailSent(id, 1, 1));
            assertThat(MailServerForTests.emailsTo(email)).hasSize(1);
        }

        @Test
        void aResendSendsTheEmailOfTheNewSend() {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(created(false))
                    .whenPublishingA(resent(EXPIRY.plus(Duration.ofDays(1))))
                    .expectDispatchedCommands(new RecordEmailSent(id, 2, 1));
            assertThat(MailServerForTests.emailsTo(email)).hasSize(2);
        }

        @Test
        void aRecordThatAnotherCommandBeatToTheInvitationIsTriedAgain() {
            var calls = new AtomicInteger();
            fixture.setCallbackBehavior((command, metaData) -> {
                if (calls.incrementAndGet() == 1) {
                    throw new ConcurrencyException("an accept was stored first");
                }
                return null;
            });
            fixture.givenCurrentTime(T0)
                    .whenPublishingA(created(false))
                    .expectSuccessfulHandlerExecution()
                    .expectDispatchedCommands(new RecordEmailSent(id, 1, 1), new RecordEmailSent(id, 1, 1));
            assertThat(MailServerForTests.emailsTo(email)).hasSize(1);
        }

        @Test
        void noEmailIsSentWhenTheCreatorAskedForNone() {
            fixture.givenCurrentTime(T0)
                    .whenPublishingA(created(true))
                    .expectNoDispatchedCommands();
            assertThat(MailServerForTests.emailsTo(email)).isEmpty();
        }

        @Test
        void aFailedAttemptIsRecordedAndRetriedWithDoublingDelaysUntilTheAttemptsRunOut() throws Exception {
            int closed = FreePorts.unused();
            fixture = fixtureMailingTo(closed);
            fixture.givenCurrentTime(T0)
                    .whenPublishingA(created(false))
                    .expectDispatchedCommands(new RecordEmailFailure(id, 1, 1, "Connection refused", true))
                    .expectScheduledDeadlineWithName(FIRST_RETRY, InvitationSaga.EMAIL_RETRY);
            fixture = fixtureMailingTo(closed);
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(created(false))
                    .whenTimeElapses(FIRST_RETRY)
                    .expectDispatchedCommands(new RecordEmailFailure(id, 1, 2, "Connection refused", true))
                    .expectScheduledDeadlineWithName(FIRST_RETRY.multipliedBy(2), InvitationSaga.EMAIL_RETRY);
            fixture = fixtureMailingTo(closed);
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(created(false))
                    .andThenTimeElapses(FIRST_RETRY)
                    .whenTimeElapses(FIRST_RETRY.multipliedBy(2))
                    .expectDispatchedCommands(new RecordEmailFailure(id, 1, 3, "Connection refused", false))
                    .expectScheduledDeadlineWithName(EXPIRY, InvitationSaga.EXPIRY)
                    .expectNoScheduledDeadlineWithName(T0.plus(FIRST_RETRY.multipliedBy(7)), InvitationSaga.EMAIL_RETRY);
        }

        @Test
        void aResendCancelsTheRetriesOfTheEmailItReplaces() {
            int closed = FreePorts.unused();
            fixture = fixtureMailingTo(closed);
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(created(false))
                    .whenPublishingA(resent(EXPIRY))
                    .expectDispatchedCommands(new RecordEmailFailure(id, 2, 1, "Connection refused", true))
                    .expectScheduledDeadline(FIRST_RETRY, new InvitationEmail(id, ORG, "Acme", email,
                            List.of("member"), "Grace", "de", EXPIRY, 2, tokens.hashOf(id, 2)));
        }

        @Test
        void theEmailOfAResendNamesTheRolesAsUpdated() {
            fixture = fixtureMailingTo(FreePorts.unused());
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(created(false))
                    .andThenAPublished(new InvitationUpdated(id, ORG, List.of("billing-admin"), Map.of(), "admin", T0))
                    .whenPublishingA(resent(EXPIRY))
                    .expectScheduledDeadline(FIRST_RETRY, new InvitationEmail(id, ORG, "Acme", email,
                            List.of("billing-admin"), "Grace", "de", EXPIRY, 2, tokens.hashOf(id, 2)));
        }
    }

    /** A fresh fixture (no sagas, no deadlines) whose emails go to the SMTP server on {@code smtpPort}. */
    private SagaTestFixture<InvitationSaga> fixtureMailingTo(int smtpPort) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpPort);
        var fresh = new SagaTestFixture<>(InvitationSaga.class);
        fresh.registerCommandGateway(CommandGateway.class);
        fresh.registerResource(new EmailProperties("Invitations <invitations@example.com>", 3, FIRST_RETRY));
        fresh.registerResource(new InvitationMailer(sender, tokens, URI.create("http://localhost:8081/invite"),
                "Invitations <invitations@example.com>"));
        return fresh;
    }

    private InvitationCreated created(boolean disableInvitationEmail) {
        return new InvitationCreated(id, ORG, email, List.of("member"), "Grace", Map.of(), disableInvitationEmail,
                tokens.hashOf(id, 1), EXPIRY, "en", null, null, null, "admin", T0);
    }

    private InvitationResent resent(Instant newExpiry) {
        // the resend in another language, after the org gave itself a display name
        return new InvitationResent(id, ORG, email, tokens.hashOf(id, 2), 2, newExpiry, "de", "Acme", "admin", T0);
    }

}
