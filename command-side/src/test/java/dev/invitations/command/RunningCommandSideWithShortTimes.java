package dev.invitations.command;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command side with times short enough to watch in a test: invitations that may live one second, emails
 * retried after 200 ms, three attempts at most, and an SMTP server that cannot be reached (nothing listens on its
 * port). Test classes that extend this share one application context.
 */
public abstract class RunningCommandSideWithShortTimes extends CommandSideOnEmbeddedMongo {

    private static final int CLOSED_PORT = FreePorts.unused();

    @DynamicPropertySource
    static void shortTimes(DynamicPropertyRegistry registry) {
        useDatabase(registry, "command-side-short-times-tests");
        registry.add("spring.mail.port", () -> CLOSED_PORT);
        registry.add("invitations.ttl.minimum", () -> "1s");
        registry.add("invitations.email.max-attempts", () -> "3");
        registry.add("invitations.email.retry-delay", () -> "200ms");
    }
}
