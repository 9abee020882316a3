package dev.invitations.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries the design relies on, checked on the compiled classes of the query side. */
@AnalyzeClasses(packages = "dev.invitations.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {

    @ArchTest
    static final ArchRule neverUsesTheCommandSide = noClasses()
            .should().dependOnClassesThat().resideInAPackage("dev.invitations.command..")
            .because("the sides share only shared-api, invitation-resource and the event store");

    @ArchTest
    static final ArchRule webAsksTheQueryServicesOnly = noClasses()
            .that().resideInAnyPackage("..query.web..", "..query.page..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.mongodb..", "org.bson..", "org.springframework.data..",
                    "org.axonframework.extensions.mongo..", "org.axonframework.eventsourcing..")
            .because("controllers translate HTTP into calls of the query services, which own the storage");
}
