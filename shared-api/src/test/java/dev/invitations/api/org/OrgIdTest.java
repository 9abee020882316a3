package dev.invitations.api.org;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrgIdTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void onlyTheContractsFormatIsAnOrgId() {
        assertThat(new OrgId("acme_Org-1").value()).isEqualTo("acme_Org-1");
        assertThat(new OrgId("a".repeat(64))).hasToString("a".repeat(64));
        for (String invalid : new String[]{"", "a".repeat(65), "acme corp", "acme/1", "ä", null}) {
            assertThat(OrgId.isValid(invalid)).as(invalid).isFalse();
            assertThatThrownBy(() -> new OrgId(invalid)).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(OrgId.FORMAT_DESCRIPTION);
        }
    }

    @Test
    void itsJsonIsThePlainString() throws Exception {
        assertThat(json.writeValueAsString(Map.of("orgId", new OrgId("acme")))).isEqualTo("{\"orgId\":\"acme\"}");
        assertThat(json.readValue("\"acme\"", OrgId.class)).isEqualTo(new OrgId("acme"));
        assertThatThrownBy(() -> json.readValue("\"not an org\"", OrgId.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
