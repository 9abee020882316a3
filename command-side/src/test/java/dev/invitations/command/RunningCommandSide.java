package dev.invitations.command;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real command side on a random port, on the tests' MongoDB (see {@link CommandSideOnEmbeddedMongo}), sending
 * its emails to the JVM's one GreenMail SMTP server. Test classes that extend this share one application context, so
 * the servers and the application start once per test run.
 */
public abstract class RunningCommandSide extends CommandSideOnEmbeddedMongo {

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        useDatabase(registry, "command-side-tests");
        registry.add("spring.mail.port", MailServerForTests::port);
    }
}
