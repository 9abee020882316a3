package dev.invitations.api.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.api.invitation.EmailAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HoldsPersonalDataTest {

    private final ObjectMapper json = new ObjectMapper();

    record Invited(String orgId, @PersonalData String invitedEmail) implements HoldsPersonalData {

        @Override
        public DataSubject dataSubject() {
            return invitedEmail == null ? null : new DataSubject(orgId, new EmailAddress(invitedEmail));
        }
    }

    @Test
    void theSubjectIsNoPropertyOfTheJson() throws Exception {
        String written = json.writeValueAsString(new Invited("acme", "Ann@Example.com"));

        assertThat(json.readTree(written).fieldNames()).toIterable().containsExactly("orgId", "invitedEmail");
        assertThat(json.readValue(written, Invited.class)).isEqualTo(new Invited("acme", "Ann@Example.com"));
    }

    @Test
    void anEventWhosePersonalDataIsErasedHasNoSubject() {
        assertThat(new Invited("acme", null).personalDataErased()).isTrue();
        assertThat(new Invited("acme", "ann@example.com").personalDataErased()).isFalse();
    }

    @Test
    void theSameAddressInAnotherCaseIsTheSameSubject() {
        assertThat(new DataSubject("acme", new EmailAddress(" Ann@Example.com ")))
                .isEqualTo(new DataSubject("acme", new EmailAddress("ann@example.com")))
                .isNotEqualTo(new DataSubject("other", new EmailAddress("ann@example.com")));
    }

    @Test
    void theMarkerReachesTheAccessorAndTheField() throws Exception {
        assertThat(Invited.class.getMethod("invitedEmail").isAnnotationPresent(PersonalData.class)).isTrue();
        assertThat(Invited.class.getDeclaredField("invitedEmail").isAnnotationPresent(PersonalData.class)).isTrue();
        assertThat(Invited.class.getMethod("orgId").isAnnotationPresent(PersonalData.class)).isFalse();
    }
}
