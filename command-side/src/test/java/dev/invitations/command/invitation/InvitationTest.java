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
import dev.invitations.api.invitation.Roles;
import dev.invitations.api.org.OrgId;
import dev.invitations.api.token.InvitationTokens;
import dev.invitations.command.invitation.InvitationRejected.Reason;
import dev.invitations.command.settings.OrgPolicies;
import dev.invitations.command.settings.OrgPolicy;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.CoreMatchers.containsString;

/** Every transition of an invitation, allowed and forbidden, as given events, a command, and expected events. */
class InvitationTest {

    private static final String ID = "0b7e4c1e-5d0a-4a43-9d5e-6f1f3c2b9a10";
    private static final String ORG = "acme";
    private static final OrgId ORG_ID = new OrgId(ORG);
    private static final String EMAIL = "Ada.Lovelace@Example.com";
    private static final EmailAddress INVITED_EMAIL = new EmailAddress(EMAIL);
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant EXPIRY = T0.plus(Duration.ofDays(7));
    private static final Map<String, String> LABELS = Map.of("team", "growth");

    private final InvitationTokens tokens =
            new InvitationTokens("a-test-secret-that-is-long-enough-for-hmac".getBytes(StandardCharsets.UTF_8));
    private final InMemoryPendingEmailClaims claims = new InMemoryPendingEmailClaims();
    /** The org's policy as the accept reads it from the settings. */
    private OrgPolicy currentPolicy = OrgPolicy.DEFAULTS;
    private AggregateTestFixture<Invitation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invitation.class);
        fixture.registerInjectableResource(tokens);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource((OrgPolicies) org -> currentPolicy);
    }

    @Nested
    class Create {

        @Test
        void createsAPendingInvitationWithTheHashOfItsFirstToken() {
            fixture.givenCurrentTime(T0)
                    .when(new CreateInvitation(ID, ORG_ID, INVITED_EMAIL, Roles.of("member"), "Grace", EXPIRY, false, LABELS,
                            null, null, null, OrgPolicy.DEFAULTS, "admin-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created())
                    // the answer the create request is given, without reading the invitation back
                    .expectResultMessagePayload(created());
            assertThat(claims.holderOf(ORG, " ada.lovelace@example.COM ")).isEqualTo(ID);
        }

        @Test
        void refusesAnEmailThatIsAlreadyPendingInTheOrg() {
            claims.claim(ORG, "ada.lovelace@example.com", "another-invitation");
            fixture.givenNoPriorActivity()
                    .when(new CreateInvitation(ID, ORG_ID, INVITED_EMAIL, Roles.of("member"), null, EXPIRY, false, Map.of(),
                            null, null, null, OrgPolicy.DEFAULTS, "admin-1"))
                    .expectException(rejectedFor(Reason.DUPLICATE_PENDING))
                    .expectNoEvents();
        }
    }

    @Nested
    class TheOrgsPolicy {

        private final OrgPolicy acme = new OrgPolicy("Acme Corp", List.of("example.com", "*.acme.com"),
                List.of("member", "admin"), List.of("member"), null, null, "de",
                List.of(URI.create("https://app.acme.com/welcome")), 3);

        private CreateInvitation create(String email, Roles roles, URI redirectUrl, String locale) {
            return new CreateInvitation(ID, ORG_ID, new EmailAddress(email), roles, null, EXPIRY, false, Map.of(),
                    locale, redirectUrl, null, acme, "admin-1");
        }

        @Test
        void admitsOnlyTheAllowedDomainsAndTheSubdomainsOfAStarredOne() {
            fixture.givenCurrentTime(T0)
                    .when(create("eve@elsewhere.com", Roles.of("member"), null, null))
                    .expectException(rejectedFor(Reason.EMAIL_DOMAIN_NOT_ALLOWED))
                    .expectNoEvents();
            fixture.givenCurrentTime(T0)
                    .when(create("eve@acme.com", Roles.of("member"), null, null))
                    .expectException(rejectedFor(Reason.EMAIL_DOMAIN_NOT_ALLOWED));
            fixture.givenCurrentTime(T0)
                    .when(create("eve@eu.mail.ACME.com", Roles.of("member"), null, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void givesTheDefaultRolesToACreateThatNamesNoneAndRefusesRolesItDoesNotAllow() {
            fixture.givenCurrentTime(T0)
                    .when(create("ada@example.com", null, null, null))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            matches((event -> ((InvitationCreated) event).roles()
                                    .equals(List.of("member")))), andNoMore())));
            fixture.givenCurrentTime(T0)
                    .when(create("bob@example.com", Roles.of("member", "owner"), null, null))
                    .expectException(rejectedFor(Reason.ROLE_NOT_ALLOWED))
                    .expectNoEvents();
            fixture.givenCurrentTime(T0)
                    .when(new CreateInvitation(ID, ORG_ID, INVITED_EMAIL, null, null, EXPIRY, false, Map.of(), null,
                            null, null, OrgPolicy.DEFAULTS, "admin-1"))
                    .expectException(rejectedFor(Reason.ROLES_REQUIRED));
        }

        @Test
        void recordsTheOrgsLanguageAndDisplayNameUnlessTheCreateNamesALanguage() {
            fixture.givenCurrentTime(T0)
                    .when(create("ada@example.com", Roles.of("admin"), null, null))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(matches((event ->
                            ((InvitationCreated) event).locale().equals("de")
                                    && ((InvitationCreated) event).orgDisplayName().equals("Acme Corp"))), andNoMore())));
            fixture.givenCurrentTime(T0)
                    .when(create("ada@example.com", Roles.of("admin"), null, "fr"))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(matches((event ->
                            ((InvitationCreated) event).locale().equals("fr"))), andNoMore())));
        }

        @Test
        void admitsARedirectBelowAListedUrlOnly() {
            fixture.givenCurrentTime(T0)
                    .when(create("ada@example.com", null, URI.create("https://app.acme.com/welcome/team?x=1"), null))
                    .expectSuccessfulHandlerExecution();
            for (String refused : List.of("https://app.acme.com/welcome-x", "https://evil.example/welcome",
                    "http://app.acme.com/welcome", "https://app.acme.com:8443/welcome")) {
                fixture.givenCurrentTime(T0)
                        .when(create("ada@example.com", null, URI.create(refused), null))
                        .expectException(rejectedFor(Reason.REDIRECT_NOT_ALLOWED))
                        .expectNoEvents();
            }
            fixture.givenCurrentTime(T0)
                    .when(new CreateInvitation(ID, ORG_ID, INVITED_EMAIL, Roles.of("member"), null, EXPIRY, false,
                            Map.of(), null, URI.create("https://app.acme.com/welcome"), null, OrgPolicy.DEFAULTS,
                            "admin-1"))
                    .expectException(rejectedFor(Reason.REDIRECT_NOT_ALLOWED));
        }

        @Test
        void countsTheCreateAndEachResendAsSendsAndRefusesTheOneTooManyUntilADayHasPassed() {
            Instant third = T0.plus(Duration.ofHours(2));
            fixture.givenCurrentTime(T0).andGiven(created(), resent(2, T0.plus(Duration.ofHours(1))),
                            resent(3, third))
                    .andGivenCurrentTime(T0.plus(Duration.ofHours(3)))
                    .when(new ResendInvitation(ID, ORG_ID, EXPIRY, null, acme, "admin-1", null))
                    .expectException(SendLimitReached.class)
                    .expectExceptionMessage(containsString("sent 3 times"))
                    .expectNoEvents();
            // a day after the first send, one of the three has left the last 24 hours
            Instant dayLater = T0.plus(Duration.ofDays(1)).plusSeconds(1);
            fixture.givenCurrentTime(T0).andGiven(created(), resent(2, T0.plus(Duration.ofHours(1))),
                            resent(3, third))
                    .andGivenCurrentTime(dayLater)
                    .when(new ResendInvitation(ID, ORG_ID, dayLater.plus(Duration.ofDays(1)), null, acme, "admin-1",
                            null))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(matches((event ->
                            ((InvitationResent) event).sendCount() == 4
                                    && ((InvitationResent) event).orgDisplayName().equals("Acme Corp"))), andNoMore())));
        }

        @Test
        void aResendObeysTheDomainsAsTheyAreNowAndTheAcceptsEmailMustBeAllowedToo() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .when(new ResendInvitation(ID, ORG_ID, EXPIRY, null, new OrgPolicy(null, List.of("other.org"),
                            List.of(), List.of(), null, null, null, List.of(), null), "admin-1", null))
                    .expectException(rejectedFor(Reason.EMAIL_DOMAIN_NOT_ALLOWED))
                    .expectNoEvents();
            currentPolicy = acme;
            fixture.givenCurrentTime(T0).andGiven(created())
                    .when(accept(tokenOfSend(1), new EmailAddress("ada@elsewhere.com")))
                    .expectException(rejectedFor(Reason.ACCEPTING_EMAIL_NOT_ALLOWED))
                    .expectNoEvents();
        }

        private InvitationResent resent(int sendCount, Instant at) {
            return new InvitationResent(ID, ORG, EMAIL, tokens.hashOf(ID, sendCount), sendCount, EXPIRY, "en", null,
                    "admin-1", at);
        }
    }

    @Nested
    class Resend {

        @Test
        void issuesANewTokenAndExpiry() {
            Instant later = T0.plus(Duration.ofHours(1));
            Instant newExpiry = later.plus(Duration.ofDays(2));
            fixture.givenCurrentTime(T0).andGiven(created())
                    .andGivenCurrentTime(later)
                    .when(new ResendInvitation(ID, ORG_ID, newExpiry, null, OrgPolicy.DEFAULTS, "admin-2", null))
                    .expectEvents(new InvitationResent(ID, ORG, EMAIL, tokens.hashOf(ID, 2), 2, newExpiry, "en", null,
                            "admin-2", later));
        }

        @Test
        void bringsAnExpiredInvitationBackToPendingAndClaimsItsEmailAgain() {
            Instant later = EXPIRY.plus(Duration.ofDays(1));
            fixture.givenCurrentTime(T0).andGiven(created(), new InvitationExpired(ID, ORG, EMAIL, EXPIRY))
                    .andGivenCurrentTime(later)
                    .when(new ResendInvitation(ID, ORG_ID, later.plus(Duration.ofDays(7)), null, OrgPolicy.DEFAULTS, "admin-1", null))
                    .expectEvents(new InvitationResent(ID, ORG, EMAIL, tokens.hashOf(ID, 2), 2,
                            later.plus(Duration.ofDays(7)), "en", null, "admin-1", later));
            assertThat(claims.holderOf(ORG, EMAIL)).isEqualTo(ID);
        }

        @Test
        void refusesAnAcceptedOrRevokedInvitation() {
            fixture.givenCurrentTime(T0).andGiven(created(), accepted())
                    .when(new ResendInvitation(ID, ORG_ID, EXPIRY, null, OrgPolicy.DEFAULTS, "admin-1", null))
                    .expectException(rejectedFor(Reason.NOT_PENDING))
                    .expectNoEvents();
            fixture.givenCurrentTime(T0).andGiven(created(), revoked())
                    .when(new ResendInvitation(ID, ORG_ID, EXPIRY, null, OrgPolicy.DEFAULTS, "admin-1", null))
                    .expectException(rejectedFor(Reason.NOT_PENDING))
                    .expectNoEvents();
        }

        @Test
        void answersNotFoundThroughAnotherOrg() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .when(new ResendInvitation(ID, new OrgId("other-org"), EXPIRY, null, OrgPolicy.DEFAULTS, "admin-1", null))
                    .expectException(rejectedFor(Reason.NOT_FOUND))
                    .expectNoEvents();
        }
    }

    @Nested
    class Revoke {

        @Test
        void revokesAPendingInvitationWithItsReason() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .andGivenCurrentTime(T0)
                    .when(new RevokeInvitation(ID, ORG_ID, "sent to the wrong person", "admin-2", null))
                    .expectEvents(new InvitationRevoked(ID, ORG, EMAIL, "sent to the wrong person", "admin-2", T0));
        }

        @Test
        void refusesToRevokeTwice() {
            fixture.givenCurrentTime(T0).andGiven(created(), revoked())
                    .when(new RevokeInvitation(ID, ORG_ID, null, "admin-2", null))
                    .expectException(rejectedFor(Reason.NOT_PENDING))
                    .expectNoEvents();
        }

        @Test
        void refusesToRevokeThroughAnotherOrg() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .when(new RevokeInvitation(ID, new OrgId("other-org"), null, "admin-2", null))
                    .expectException(rejectedFor(Reason.NOT_FOUND))
                    .expectNoEvents();
        }
    }

    @Nested
    class Update {

        @Test
        void changesTheRoleAndKeepsTheLabels() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .andGivenCurrentTime(T0)
                    .when(new UpdateInvitation(ID, ORG_ID, Roles.of("admin"), null, "admin-2", null))
                    .expectEvents(new InvitationUpdated(ID, ORG, List.of("admin"), LABELS, "admin-2", T0));
        }

        @Test
        void changesNothingWhenNothingDiffers() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .when(new UpdateInvitation(ID, ORG_ID, Roles.of("member"), Map.of("team", "growth"), "admin-2", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesToUpdateAnAcceptedInvitation() {
            fixture.givenCurrentTime(T0).andGiven(created(), accepted())
                    .when(new UpdateInvitation(ID, ORG_ID, Roles.of("admin"), null, "admin-2", null))
                    .expectException(rejectedFor(Reason.NOT_PENDING))
                    .expectNoEvents();
        }
    }

    @Nested
    class Accept {

        @Test
        void acceptsWithTheCurrentToken() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .andGivenCurrentTime(T0.plus(Duration.ofDays(1)))
                    .when(accept(tokenOfSend(1), null))
                    .expectEvents(new InvitationAccepted(ID, ORG, EMAIL, List.of("member"), "user-42", null,
                            T0.plus(Duration.ofDays(1))));
        }

        @Test
        void refusesASecondAccept() {
            fixture.givenCurrentTime(T0).andGiven(created(), accepted())
                    .when(accept(tokenOfSend(1), null))
                    .expectException(rejectedFor(Reason.ALREADY_ACCEPTED))
                    .expectNoEvents();
        }

        @Test
        void refusesATokenPastTheExpiryEvenBeforeTheDeadlineFired() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .andGivenCurrentTime(EXPIRY.plusSeconds(1))
                    .when(accept(tokenOfSend(1), null))
                    .expectException(rejectedFor(Reason.GONE))
                    .expectNoEvents();
        }

        @Test
        void refusesTheTokenOfAnEarlierSend() {
            fixture.givenCurrentTime(T0).andGiven(created(), resent())
                    .when(accept(tokenOfSend(1), null))
                    .expectException(rejectedFor(Reason.GONE))
                    .expectNoEvents();
        }

        @Test
        void acceptsTheTokenOfTheLatestSend() {
            fixture.givenCurrentTime(T0).andGiven(created(), resent())
                    .andGivenCurrentTime(T0)
                    .when(accept(tokenOfSend(2), null))
                    .expectEvents(new InvitationAccepted(ID, ORG, EMAIL, List.of("member"), "user-42", null, T0));
        }

        @Test
        void refusesATokenItNeverIssued() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .when(accept(tokenOfSend(7), null))
                    .expectException(rejectedFor(Reason.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void refusesRevokedDeclinedAndExpiredInvitationsAsGone() {
            for (Object ending : new Object[]{revoked(), new InvitationDeclined(ID, ORG, EMAIL, T0),
                    new InvitationExpired(ID, ORG, EMAIL, EXPIRY)}) {
                fixture.givenCurrentTime(T0).andGiven(created(), ending)
                        .when(accept(tokenOfSend(1), null))
                        .expectException(rejectedFor(Reason.GONE))
                        .expectNoEvents();
            }
        }

        @Test
        void requiresTheInvitedEmailWhenConfiguredAndStaysPendingOnAMismatch() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .when(new AcceptInvitation(ID, tokens.hash(tokenOfSend(1)).orElseThrow(), "user-42",
                            new EmailAddress("eve@example.com"), true))
                    .expectException(rejectedFor(Reason.EMAIL_MISMATCH))
                    .expectNoEvents();
            fixture.givenCurrentTime(T0).andGiven(created())
                    .andGivenCurrentTime(T0)
                    .when(new AcceptInvitation(ID, tokens.hash(tokenOfSend(1)).orElseThrow(), "user-42",
                            new EmailAddress(" ada.lovelace@EXAMPLE.com"), true))
                    .expectEvents(new InvitationAccepted(ID, ORG, EMAIL, List.of("member"), "user-42", null, T0));
        }
    }

    @Nested
    class Decline {

        @Test
        void declinesWithTheCurrentToken() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .andGivenCurrentTime(T0)
                    .when(new DeclineInvitation(ID, tokens.hash(tokenOfSend(1)).orElseThrow()))
                    .expectEvents(new InvitationDeclined(ID, ORG, EMAIL, T0));
        }

        @Test
        void refusesToDeclineAnAcceptedInvitation() {
            fixture.givenCurrentTime(T0).andGiven(created(), accepted())
                    .when(new DeclineInvitation(ID, tokens.hash(tokenOfSend(1)).orElseThrow()))
                    .expectException(rejectedFor(Reason.ALREADY_ACCEPTED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Expire {

        @Test
        void expiresAPendingInvitationAtItsExpiry() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .andGivenCurrentTime(EXPIRY)
                    .when(new ExpireInvitation(ID))
                    .expectEvents(new InvitationExpired(ID, ORG, EMAIL, EXPIRY));
        }

        @Test
        void ignoresAnEarlyDeadline() {
            // a deadline scheduled for an expiry that a resend has since pushed back
            fixture.givenCurrentTime(T0).andGiven(created(), resent())
                    .andGivenCurrentTime(EXPIRY)
                    .when(new ExpireInvitation(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresAnInvitationThatIsNoLongerPending() {
            fixture.givenCurrentTime(T0).andGiven(created(), accepted())
                    .andGivenCurrentTime(EXPIRY.plusSeconds(60))
                    .when(new ExpireInvitation(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Delivery {

        @Test
        void recordsThatTheSmtpServerTookTheEmailOfTheCurrentSend() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .andGivenCurrentTime(T0)
                    .when(new RecordEmailSent(ID, 1, 2))
                    .expectEvents(new InvitationEmailSent(ID, ORG, EMAIL, 1, 2, T0));
        }

        @Test
        void recordsAFailedAttemptWithTheError() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .andGivenCurrentTime(T0)
                    .when(new RecordEmailFailure(ID, 1, 1, "Connection refused", true))
                    .expectEvents(new InvitationEmailFailed(ID, ORG, EMAIL, 1, 1, "Connection refused", true, T0));
        }

        @Test
        void ignoresARecordOfAnEmailThatAResendReplaced() {
            fixture.givenCurrentTime(T0).andGiven(created(), resent())
                    .when(new RecordEmailSent(ID, 1, 1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.givenCurrentTime(T0).andGiven(created(), resent())
                    .when(new RecordEmailFailure(ID, 1, 3, "timeout", false))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsAnEmailOnce() {
            fixture.givenCurrentTime(T0).andGiven(created(), new InvitationEmailSent(ID, ORG, EMAIL, 1, 1, T0))
                    .when(new RecordEmailSent(ID, 1, 1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aDeliveryRecordDoesNotMakeAnExpectedVersionStale() {
            fixture.givenCurrentTime(T0).andGiven(created(), new InvitationEmailSent(ID, ORG, EMAIL, 1, 1, T0))
                    .andGivenCurrentTime(T0)
                    .when(new RevokeInvitation(ID, ORG_ID, null, "admin-2", 0L))
                    .expectEvents(new InvitationRevoked(ID, ORG, EMAIL, null, "admin-2", T0));
        }

        @Test
        void aChangeOfTheInvitationDoes() {
            fixture.givenCurrentTime(T0).andGiven(created(), new InvitationUpdated(ID, ORG, List.of("admin"), LABELS, "admin-2", T0))
                    .when(new RevokeInvitation(ID, ORG_ID, null, "admin-2", 0L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ErasePersonalDataOfTheInvitee {

        private final Instant erasedAt = T0.plus(Duration.ofDays(2));

        @Test
        void revokesAPendingInvitationThenRecordsTheErasure() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .andGivenCurrentTime(erasedAt)
                    .when(new ErasePersonalData(ID, ORG_ID, "privacy-officer"))
                    .expectEvents(new InvitationRevoked(ID, ORG, EMAIL, Invitation.REVOKED_BY_ERASURE,
                                    "privacy-officer", erasedAt),
                            new PersonalDataErased(ID, ORG, "privacy-officer", erasedAt));
        }

        @Test
        void recordsTheErasureOfAnInvitationThatEndedAndOnlyOnce() {
            fixture.givenCurrentTime(T0).andGiven(created(), accepted())
                    .andGivenCurrentTime(erasedAt)
                    .when(new ErasePersonalData(ID, ORG_ID, "privacy-officer"))
                    .expectEvents(new PersonalDataErased(ID, ORG, "privacy-officer", erasedAt));
            fixture.givenCurrentTime(T0).andGiven(created(), accepted(), erased())
                    .when(new ErasePersonalData(ID, ORG_ID, "privacy-officer"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anErasedInvitationRefusesAcceptResendAndUpdate() {
            fixture.givenCurrentTime(T0).andGiven(created(), revoked(), erased())
                    .when(accept(tokenOfSend(1), null))
                    .expectException(rejectedFor(Reason.GONE))
                    .expectNoEvents();
            // an expired invitation could be resent, and a pending one updated, but not once erased
            fixture.givenCurrentTime(T0).andGiven(created(), new InvitationExpired(ID, ORG, EMAIL, EXPIRY), erased())
                    .when(new ResendInvitation(ID, ORG_ID, EXPIRY.plus(Duration.ofDays(7)), null, OrgPolicy.DEFAULTS, "admin-1", null))
                    .expectException(rejectedFor(Reason.GONE))
                    .expectNoEvents();
            fixture.givenCurrentTime(T0).andGiven(created(), erased())
                    .when(new UpdateInvitation(ID, ORG_ID, Roles.of("admin"), null, "admin-1", null))
                    .expectException(rejectedFor(Reason.GONE))
                    .expectNoEvents();
        }

        @Test
        void anInvitationWhoseEmailReadsNullAfterTheErasureStillLoads() {
            var createdThenErased = new InvitationCreated(ID, ORG, null, List.of("member"), "Grace", LABELS, false,
                    tokens.hashOf(ID, 1), EXPIRY, "en", null, null, null, "admin-1", T0);
            fixture.givenCurrentTime(T0).andGiven(createdThenErased,
                            new InvitationRevoked(ID, ORG, null, Invitation.REVOKED_BY_ERASURE, "admin-1", T0), erased())
                    .when(accept(tokenOfSend(1), null))
                    .expectException(rejectedFor(Reason.GONE))
                    .expectNoEvents();
        }

        @Test
        void refusesThroughAnotherOrg() {
            fixture.givenCurrentTime(T0).andGiven(created())
                    .when(new ErasePersonalData(ID, new OrgId("globex"), "privacy-officer"))
                    .expectException(rejectedFor(Reason.NOT_FOUND))
                    .expectNoEvents();
        }

        private PersonalDataErased erased() {
            return new PersonalDataErased(ID, ORG, "privacy-officer", T0);
        }
    }

    private InvitationCreated created() {
        return new InvitationCreated(ID, ORG, EMAIL, List.of("member"), "Grace", LABELS, false, tokens.hashOf(ID, 1),
                EXPIRY, "en", null, null, null, "admin-1", T0);
    }

    private InvitationResent resent() {
        return new InvitationResent(ID, ORG, EMAIL, tokens.hashOf(ID, 2), 2, EXPIRY.plus(Duration.ofDays(1)), "en", null,
                "admin-1", T0.plus(Duration.ofDays(1)));
    }

    private static InvitationAccepted accepted() {
        return new InvitationAccepted(ID, ORG, EMAIL, List.of("member"), "user-42", null, T0);
    }

    private static InvitationRevoked revoked() {
        return new InvitationRevoked(ID, ORG, EMAIL, null, "admin-1", T0);
    }

    private String tokenOfSend(int sendCount) {
        return tokens.issue(ID, sendCount, tokens.hashOf(ID, sendCount));
    }

    private AcceptInvitation accept(String token, EmailAddress email) {
        return new AcceptInvitation(ID, tokens.hash(token).orElseThrow(), "user-42", email, false);
    }

    private static Matcher<InvitationRejected> rejectedFor(Reason reason) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvitationRejected rejected) {
                return rejected.reason() == reason;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an invitation rejected for ").appendValue(reason);
            }
        };
    }
}
