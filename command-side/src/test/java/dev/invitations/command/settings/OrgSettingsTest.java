package dev.invitations.command.settings;

import dev.invitations.api.org.OrgId;
import dev.invitations.api.org.OrgSettingsChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An org's settings as given events, a change, and the events it records (none for no change). */
class OrgSettingsTest {

    private static final OrgId ORG = new OrgId("acme");
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final OrgPolicy ACME = new OrgPolicy("Acme Corp", List.of("acme.com", "*.acme.co.uk"),
            List.of("member", "admin"), List.of("member"), Duration.ofDays(7), Duration.ofSeconds(1_209_600), "de",
            List.of(URI.create("https://app.acme.com/welcome")), 5);
    private static final OrgPolicy RENAMED = new OrgPolicy("Acme Inc", List.of(), List.of(), List.of(), null,
            Duration.ofHours(36), null, List.of(), null);

    private AggregateTestFixture<OrgSettings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OrgSettings.class);
    }

    @Test
    void theFirstChangeStartsTheStreamWithAllTheSettingsTTLsInDays() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(T0)
                .when(new ChangeOrgSettings(ORG, ACME, "admin-1", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrgSettingsChanged("acme", "Acme Corp", List.of("acme.com", "*.acme.co.uk"),
                        List.of("member", "admin"), List.of("member"), "P7D", "P14D", "de",
                        List.of("https://app.acme.com/welcome"), 5, "admin-1", T0));
    }

    @Test
    void aLaterChangeRecordsAllTheSettingsAfterIt() {
        fixture.given(ACME.changeOf(ORG, "admin-1", T0))
                .andGivenCurrentTime(T0.plusSeconds(60))
                .when(new ChangeOrgSettings(ORG, RENAMED, "admin-2", 1L))
                .expectEvents(new OrgSettingsChanged("acme", "Acme Inc", List.of(), List.of(), List.of(), null,
                        "PT36H", null, List.of(), null, "admin-2", T0.plusSeconds(60)));
    }

    @Test
    void theSettingsAsTheyAreChangeNothing() {
        fixture.given(ACME.changeOf(ORG, "admin-1", T0))
                .when(new ChangeOrgSettings(ORG, ACME, "admin-2", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theDefaultsForAnOrgWithoutSettingsStoreNothing() {
        fixture.givenNoPriorActivity()
                .when(new ChangeOrgSettings(ORG, OrgPolicy.DEFAULTS, "admin-1", 0L))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ifMatchWithVersionZeroCreatesTheSettingsOfAnOrgWithoutAny() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(T0)
                .when(new ChangeOrgSettings(ORG, ACME, "admin-1", 0L))
                .expectEvents(ACME.changeOf(ORG, "admin-1", T0));
    }

    @Test
    void ifMatchWithAnotherVersionIsRefusedAndStoresNothing() {
        fixture.given(ACME.changeOf(ORG, "admin-1", T0), RENAMED.changeOf(ORG, "admin-2", T0))
                .when(new ChangeOrgSettings(ORG, ACME, "admin-3", 1L))
                .expectException(SettingsVersionMismatch.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ChangeOrgSettings(ORG, ACME, "admin-1", 1L))
                .expectException(SettingsVersionMismatch.class)
                .expectNoEvents();
        // a change that would change nothing is refused all the same: the caller's view is out of date
        fixture.given(ACME.changeOf(ORG, "admin-1", T0))
                .when(new ChangeOrgSettings(ORG, ACME, "admin-2", 0L))
                .expectException(SettingsVersionMismatch.class);
    }
}
