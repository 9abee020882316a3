package dev.invitations.resource;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * invitation-resource is the resource both sides answer with: it may use the JDK, Jackson and the contract
 * (shared-api), and nothing of the sides, Spring or MongoDB.
 */
@AnalyzeClasses(packages = "dev.invitations.resource", importOptions = ImportOption.DoNotIncludeTests.class)
class InvitationResourceArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkJacksonAndTheContract = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.invitations.resource..", "dev.invitations.api..", "java..",
                    "com.fasterxml.jackson..");
}
