package dev.invitations.command;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command side as {@link RunningCommandSide} runs it, for a caller whose requests never meet the rate limit: a
 * context of its own, so a database of its own, where its saga takes no share of the other contexts' invitations.
 */
public abstract class RunningCommandSideForOneBusyCaller extends CommandSideOnEmbeddedMongo {

    @DynamicPropertySource
    static void unlimitedCaller(DynamicPropertyRegistry registry) {
        useDatabase(registry, "command-side-busy-caller-tests");
        registry.add("spring.mail.port", MailServerForTests::port);
        registry.add("invitations.rate-limit.per-caller", () -> "100000");
    }
}
