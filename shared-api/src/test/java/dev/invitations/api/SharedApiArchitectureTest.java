package dev.invitations.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * shared-api is what other services depend on: it may use the JDK, Jackson's annotations and Axon's message
 * annotations, and nothing of the sides, Spring or MongoDB.
 */
@AnalyzeClasses(packages = "dev.invitations.api", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedApiArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkJacksonAndAxonAnnotations = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.invitations.api..", "java..", "javax.crypto..",
                    "com.fasterxml.jackson.annotation..", "org.axonframework.serialization..",
                    "org.axonframework.modelling.command..", "org.axonframework.serialization.upcasting..");
}
