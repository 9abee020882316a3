package dev.invitations.command.settings;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.org.OrgId;
import dev.invitations.command.settings.OrgPolicy.TtlBounds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules an org's settings set for its invitations. */
class OrgPolicyTest {

    private static final TtlBounds SERVICE = new TtlBounds(Duration.ofDays(7), Duration.ofMinutes(5),
            Duration.ofDays(30));

    @Nested
    class EmailDomains {

        private final OrgPolicy acme = withDomains("acme.com", "*.acme.co.uk");

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({
                "ada@acme.com,               true",
                "Ada@ACME.Com,               true",
                "' ada@acme.com ',           true",
                "ada@eu.acme.com,            false",
                "ada@acme.co.uk,             false",
                "ada@london.acme.co.uk,      true",
                "ada@a.b.c.acme.co.uk,       true",
                "ada@LONDON.Acme.CO.UK,      true",
                "ada@notacme.co.uk,          false",
                "ada@acme.com.evil.example,  false",
                "ada@evilacme.com,           false",
                "ada@example.com,            false",
        })
        void anEmailIsAllowedOnlyInAListedDomainOrBelowAListedWildcard(String email, boolean allowed) {
            assertThat(acme.allowsEmail(new EmailAddress(email))).isEqualTo(allowed);
        }

        @Test
        void aWildcardDoesNotAdmitTheDomainItself() {
            assertThat(withDomains("*.acme.com").allowsEmail(new EmailAddress("ada@acme.com"))).isFalse();
            assertThat(withDomains("*.acme.com").allowsEmail(new EmailAddress("ada@x.acme.com"))).isTrue();
        }

        @Test
        void listedDomainsCompareWhateverTheirCase() {
            assertThat(withDomains("ACME.com").allowsEmail(new EmailAddress("ada@acme.COM"))).isTrue();
        }

        @Test
        void withoutDomainsAnyEmailIsAllowed() {
            assertThat(OrgPolicy.DEFAULTS.allowsEmail(new EmailAddress("anyone@anywhere.example"))).isTrue();
        }

        private OrgPolicy withDomains(String... domains) {
            return new OrgPolicy(null, List.of(domains), null, null, null, null, null, null, null);
        }
    }

    @Nested
    class Roles {

        private final OrgPolicy acme = new OrgPolicy(null, null, List.of("member", "admin"), List.of("member"), null,
                null, null, null, null);

        @Test
        void rolesOutsideTheAllowedOnesAreNamedOnce() {
            assertThat(acme.disallowedRoles(List.of("member", "owner", "admin", "owner", "root")))
                    .containsExactly("owner", "root");
            assertThat(acme.disallowedRoles(List.of("admin"))).isEmpty();
            assertThat(OrgPolicy.DEFAULTS.disallowedRoles(List.of("anything"))).isEmpty();
        }

        @Test
        void aCreateWithoutRolesGetsTheDefaultOnes() {
            assertThat(acme.rolesFor(List.of())).containsExactly("member");
            assertThat(acme.rolesFor(null)).containsExactly("member");
            assertThat(acme.rolesFor(List.of("admin", "member"))).containsExactly("admin", "member");
            assertThat(OrgPolicy.DEFAULTS.rolesFor(List.of())).isEmpty();
        }
    }

    @Nested
    class Ttls {

        @Test
        void withoutOwnTtlsTheServicesApply() {
            assertThat(OrgPolicy.DEFAULTS.ttlBounds(SERVICE)).isEqualTo(SERVICE);
        }

        @Test
        void theOrgsTtlsNarrowTheServicesBounds() {
            assertThat(withTtls(Duration.ofDays(2), Duration.ofDays(14)).ttlBounds(SERVICE))
                    .isEqualTo(new TtlBounds(Duration.ofDays(2), Duration.ofMinutes(5), Duration.ofDays(14)));
        }

        @Test
        void aMaximumBelowTheServicesDefaultShortensTheDefault() {
            assertThat(withTtls(null, Duration.ofDays(3)).ttlBounds(SERVICE))
                    .isEqualTo(new TtlBounds(Duration.ofDays(3), Duration.ofMinutes(5), Duration.ofDays(3)));
        }

        @Test
        void anOwnDefaultAboveTheServicesDefaultIsKeptUnderTheMaximum() {
            assertThat(withTtls(Duration.ofDays(10), null).ttlBounds(SERVICE))
                    .isEqualTo(new TtlBounds(Duration.ofDays(10), Duration.ofMinutes(5), Duration.ofDays(30)));
        }

        @Test
        void settingsStoredUnderWiderServiceBoundsNeverWidenTodaysBounds() {
            var narrower = new TtlBounds(Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(2));

            assertThat(withTtls(Duration.ofDays(10), Duration.ofDays(20)).ttlBounds(narrower))
                    .isEqualTo(new TtlBounds(Duration.ofDays(2), Duration.ofHours(1), Duration.ofDays(2)));
            assertThat(withTtls(Duration.ofMinutes(10), Duration.ofMinutes(30)).ttlBounds(narrower))
                    .isEqualTo(new TtlBounds(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)));
        }

        private OrgPolicy withTtls(Duration byDefault, Duration maximum) {
            return new OrgPolicy(null, null, null, null, byDefault, maximum, null, null, null);
        }
    }

    @Nested
    class Redirects {

        private final OrgPolicy acme = withUrls("https://app.acme.com/welcome", "http://localhost:3000/",
                "https://docs.acme.com/guide/");

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({
                "https://app.acme.com/welcome,                 true",
                "https://app.acme.com/welcome/,                true",
                "https://app.acme.com/welcome/x/y,             true",
                "https://app.acme.com/welcome?step=2#top,      true",
                "HTTPS://APP.ACME.COM/welcome,                 true",
                "https://app.acme.com:443/welcome,             true",
                "https://app.acme.com/welcome-x,               false",
                "https://app.acme.com/welcomex,                false",
                "https://app.acme.com/,                        false",
                "https://app.acme.com,                         false",
                "https://app.acme.com/Welcome,                 false",
                "http://app.acme.com/welcome,                  false",
                "https://app.acme.com:8443/welcome,            false",
                "https://evil.acme.com/welcome,                false",
                "https://app.acme.com.evil.example/welcome,    false",
                "https://user@app.acme.com/welcome,            false",
                "https://app.acme.com/welcome/../admin,        false",
                "https://app.acme.com/welcome/%2e%2e/admin,    false",
                "https://app.acme.com/welcome%2F..%2Fadmin,    false",
                "//app.acme.com/welcome,                       false",
                "/welcome,                                     false",
                "http://localhost:3000,                        true",
                "http://localhost:3000/any/path,               true",
                "http://localhost/any/path,                    false",
                "https://docs.acme.com/guide,                  true",
                "https://docs.acme.com/guide/intro,            true",
                "https://docs.acme.com/guides,                 false",
        })
        void aRedirectMustBeAListedUrlOrBelowItByWholeSegments(String redirect, boolean allowed) {
            assertThat(acme.allowsRedirect(URI.create(redirect))).isEqualTo(allowed);
        }

        @Test
        void anOrgWithoutRedirectUrlsAllowsNone() {
            assertThat(OrgPolicy.DEFAULTS.allowsRedirect(URI.create("https://app.acme.com/welcome"))).isFalse();
        }

        private OrgPolicy withUrls(String... urls) {
            return new OrgPolicy(null, null, null, null, null, null, null,
                    List.of(urls).stream().map(URI::create).toList(), null);
        }
    }

    @Nested
    class Sends {

        private final Instant now = Instant.parse("2026-11-21T12:00:00Z");

        @Test
        void withoutALimitASendIsAlwaysAllowed() {
            assertThat(OrgPolicy.DEFAULTS.maxSendsPerDay()).isEmpty();
            assertThat(OrgPolicy.DEFAULTS.nextSendAllowedAt(List.of(now, now, now), now)).isEmpty();
        }

        @Test
        void onceTheLimitIsReachedWithin24HoursTheNextSendWaitsForTheOldestOfThemToLeave() {
            var limited = new OrgPolicy(null, null, null, null, null, null, null, null, 2);
            Instant earlier = now.minus(Duration.ofHours(20));
            Instant yesterday = now.minus(Duration.ofHours(30));

            assertThat(limited.maxSendsPerDay()).hasValue(2);
            assertThat(limited.nextSendAllowedAt(List.of(yesterday, earlier), now)).isEmpty();
            assertThat(limited.nextSendAllowedAt(List.of(yesterday, earlier, now.minusSeconds(60)), now))
                    .hasValue(earlier.plus(Duration.ofDays(1)));
            assertThat(limited.nextSendAllowedAt(List.of(now.minus(Duration.ofDays(1)), now.minusSeconds(1)), now))
                    .as("a send exactly 24 hours ago has left the window").isEmpty();
        }
    }

    @Test
    void thePolicyRoundTripsThroughItsEvent() {
        var policy = new OrgPolicy("Acme", List.of("acme.com"), List.of("member"), List.of("member"),
                Duration.ofSeconds(604_800), Duration.ofMinutes(90), "pt-BR",
                List.of(URI.create("https://app.acme.com/welcome")), 3);

        var event = policy.changeOf(new OrgId("acme"), "admin-1", Instant.EPOCH);

        assertThat(event.defaultTtl()).isEqualTo("P7D");
        assertThat(event.maximumTtl()).isEqualTo("PT1H30M");
        assertThat(OrgPolicy.of(event)).isEqualTo(policy);
    }
}
