package dev.invitations.command.apikey;

import dev.invitations.api.apikey.ApiKeyCreated;
import dev.invitations.api.apikey.ApiKeyRevoked;
import dev.invitations.api.org.OrgId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The key's rules: scopes no wider than the creator's, revoked once, never through another org. */
class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ID = "4a5b6c7d-0000-4000-8000-000000000001";
    private static final ApiKeyCreated CREATED = new ApiKeyCreated(ID, "acme", "CI", List.of("org.user.read"),
            "hash", "abcdefgh", "alice", NOW);

    private AggregateTestFixture<ApiKey> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ApiKey.class);
    }

    private static CreateApiKey create(List<String> scopes, Set<String> creatorScopes) {
        return new CreateApiKey(ID, new OrgId("acme"), "CI", scopes, "hash", "abcdefgh", "alice", creatorScopes, NOW);
    }

    @Test
    void aKeyWithScopesItsCreatorHoldsIsCreated() {
        fixture.givenNoPriorActivity()
                .when(create(List.of("org.user.read"), Set.of("org.user.read", "org.integrations.manage")))
                .expectEvents(CREATED);
    }

    @Test
    void aKeyWithAScopeItsCreatorLacksIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create(List.of("org.user.read", "org.user.invite"), Set.of("org.user.read")))
                .expectNoEvents()
                .expectException(ApiKeyScopesExceeded.class);
    }

    @Test
    void revokingRecordsItOnceAndNeverThroughAnotherOrg() {
        fixture.given(CREATED)
                .andGivenCurrentTime(NOW)
                .when(new RevokeApiKey(ID, new OrgId("acme"), "bob"))
                .expectEvents(new ApiKeyRevoked(ID, "acme", "bob", NOW));
        fixture.given(CREATED, new ApiKeyRevoked(ID, "acme", "bob", NOW))
                .when(new RevokeApiKey(ID, new OrgId("acme"), "bob"))
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new RevokeApiKey(ID, new OrgId("globex"), "mallory"))
                .expectNoEvents()
                .expectException(ApiKeyNotFound.class);
    }

    @Test
    void scopesAreOneToFiveDistinctOrgPermissionsHeldByTheCreator() {
        Set<String> all = Set.copyOf(ApiKeyScopes.ORG_PERMISSIONS);
        assertThat(ApiKeyScopes.check(ApiKeyScopes.ORG_PERMISSIONS, all)).isEmpty();
        assertThat(ApiKeyScopes.check(List.of(), all)).extracting(ApiKeyScopes.Violation::index).containsExactly(-1);
        assertThat(ApiKeyScopes.check(null, all)).extracting(ApiKeyScopes.Violation::index).containsExactly(-1);
        assertThat(ApiKeyScopes.check(List.of("invitations.admin"), Set.of("invitations.admin")))
                .extracting(ApiKeyScopes.Violation::index).containsExactly(0);
        assertThat(ApiKeyScopes.check(List.of("org.user.read", "org.user.read"), all))
                .extracting(ApiKeyScopes.Violation::index).containsExactly(1);
        assertThat(ApiKeyScopes.check(List.of("org.user.read", "org.user.invite"), Set.of("org.user.read")))
                .extracting(ApiKeyScopes.Violation::index).containsExactly(1);
        var six = new ArrayList<>(ApiKeyScopes.ORG_PERMISSIONS);
        six.add("org.user.read");
        assertThat(ApiKeyScopes.check(six, all)).extracting(ApiKeyScopes.Violation::index).contains(-1);
    }
}
