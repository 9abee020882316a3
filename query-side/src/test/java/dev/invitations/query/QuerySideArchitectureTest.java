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

    @ArchTest
    static final ArchRule projectionsNeverCallOutOverHttp = noClasses()
            .that().areAnnotatedWith(org.axonframework.config.ProcessingGroup.class)
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
            .orShould().dependOnClassesThat().haveSimpleName("WebhookDeliveries")
            .because("a slow or dead webhook endpoint must never hold up a view or the feed: deliveries run on their"
                    + " own pool (WebhookDeliveries)");
}
