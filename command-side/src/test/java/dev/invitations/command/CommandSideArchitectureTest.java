package dev.invitations.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries the design relies on, checked on the compiled classes of the command side. */
@AnalyzeClasses(packages = "dev.invitations.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    @ArchTest
    static final ArchRule neverUsesTheQuerySide = noClasses()
            .should().dependOnClassesThat().resideInAPackage("dev.invitations.query..")
            .because("the sides share only shared-api, invitation-resource and the event store");

    @ArchTest
    static final ArchRule webNeverReachesIntoMongoDb = noClasses()
            .that().resideInAPackage("..command.web..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.mongodb..", "org.bson..", "org.springframework.data.mongodb..",
                    "org.axonframework.extensions.mongo..")
            .because("controllers translate HTTP into commands; storage is the domain's business");

    @ArchTest
    static final ArchRule theDomainIsPlain = noClasses()
            .that().resideInAnyPackage("..command.invitation..", "..command.settings..", "..command.webhook..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                    "org.bson..", "jakarta.mail..", "org.axonframework.extensions.mongo..")
            .because("the invitation's and the org settings' rules and the saga's coordination read plainly; the"
                    + " adapters that store (storage), send email (email), serve HTTP (web) and configure (config)"
                    + " live beside them");

    @ArchTest
    static final ArchRule theDomainKnowsNothingOfHttp = noClasses()
            .that().resideInAnyPackage("..command.invitation..", "..command.settings..", "..command.webhook..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.web..", "org.springframework.web..",
                    "org.springframework.http..");
}
