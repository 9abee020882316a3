package dev.invitations.api.invitation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTest {

    @Test
    void keepsTheAddressAsGivenButTrimmedAndComparesItWhateverTheCase() {
        var given = new EmailAddress("  Ada.Lovelace@Example.com ");

        assertThat(given.value()).isEqualTo("Ada.Lovelace@Example.com");
        assertThat(given.normalized()).isEqualTo("ada.lovelace@example.com");
        assertThat(given).isEqualTo(new EmailAddress("ada.lovelace@EXAMPLE.COM"))
                .hasSameHashCodeAs(new EmailAddress("ada.lovelace@EXAMPLE.COM"))
                .isNotEqualTo(new EmailAddress("ada@example.com"));
    }

    @Test
    void acceptsWhatLooksLikeAnAddressAndNothingElse() {
        assertThat(EmailAddress.isValid(" user+tag@sub.example.co.uk ")).isTrue();
        for (String invalid : new String[]{null, "", "no-at.example.com", "two@@example.com", "a b@example.com",
                "nodot@example", "x@" + "a".repeat(250) + ".com", "tab\t@example.com"}) {
            assertThat(EmailAddress.isValid(invalid)).as(String.valueOf(invalid)).isFalse();
        }
    }
}
