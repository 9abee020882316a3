package dev.invitations.api.invitation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RolesTest {

    @Test
    void keepsTheGivenOrderAndNamesTheFirst() {
        Roles roles = Roles.of("billing-admin", "member");
        assertThat(roles.values()).containsExactly("billing-admin", "member");
        assertThat(roles.first()).isEqualTo("billing-admin");
        assertThat(roles.contains("member")).isTrue();
    }

    @Test
    void refusesNoneTooManyDuplicatesAndMalformedRoles() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Roles(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Roles(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Roles(
                IntStream.rangeClosed(1, 11).mapToObj(n -> "r" + n).toList()));
        assertThatIllegalArgumentException().isThrownBy(() -> Roles.of("member", "member"));
        assertThatIllegalArgumentException().isThrownBy(() -> Roles.of("Admin"));
        assertThatIllegalArgumentException().isThrownBy(() -> Roles.of("a".repeat(65)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Roles(Arrays.asList("member", null)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Roles(Collections.nCopies(1, "<script>")));
    }

    @Test
    void isAPlainArrayInJson() throws Exception {
        var json = new ObjectMapper();
        assertThat(json.writeValueAsString(Roles.of("a", "b"))).isEqualTo("[\"a\",\"b\"]");
        assertThat(json.readValue("[\"a\",\"b\"]", Roles.class)).isEqualTo(Roles.of("a", "b"));
    }
}
