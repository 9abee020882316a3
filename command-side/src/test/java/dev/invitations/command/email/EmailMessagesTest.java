package dev.invitations.command.email;

import dev.invitations.testing.MessageBundlesForTests;
import org.junit.jupiter.api.Test;

/** The email's message bundles: one per written language, each saying everything the English one says. */
class EmailMessagesTest {

    @Test
    void everyWrittenLanguageHasABundleWithEveryMessage() {
        MessageBundlesForTests.assertEveryWrittenLanguageHasEveryMessage("messages/email");
    }

    @Test
    void noMessageHoldsAPlainApostropheWhichMessageFormatWouldSwallow() {
        MessageBundlesForTests.assertNoPlainApostrophe("messages/email");
    }
}
