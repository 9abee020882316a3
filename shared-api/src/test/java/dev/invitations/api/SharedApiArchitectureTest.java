package dev.invitations.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.invitations.api.invitation.InvitationEvent;
import org.axonframework.serialization.Revision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * shared-api is what other services depend on: it may use the JDK, Jackson (its annotations, and its trees in the
 * upcasters) and Axon's serialization annotations and upcasters, and nothing of the sides, Spring or MongoDB. Every
 * invitation event is an {@link InvitationEvent}, and no other event is: that interface is what the org's invitation
 * feed carries.
 */
@AnalyzeClasses(packages = "dev.invitations.api", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedApiArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkJacksonAndAxonAnnotations = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.invitations.api..", "java..", "javax.crypto..",
                    "com.fasterxml.jackson.annotation..", "com.fasterxml.jackson.databind..",
                    "org.axonframework.serialization..");

    @ArchTest
    static final ArchRule everyInvitationEventIsPermittedByTheSealedInterface = classes()
            .that().resideInAPackage("dev.invitations.api.invitation").and().areAnnotatedWith(Revision.class)
            .should().implement(InvitationEvent.class)
            .because("a subscriber handles every invitation event by handling InvitationEvent");

    @ArchTest
    static final ArchRule noOtherEventIsAnInvitationEvent = classes()
            .that().resideOutsideOfPackage("dev.invitations.api.invitation").and().areAnnotatedWith(Revision.class)
            .should().notImplement(InvitationEvent.class)
            .because("the org's invitation feed carries every InvitationEvent, and settings events are not in it");
}
