package dev.audiorouting.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the rooms of the server where the style guide puts them. */
class ArchitectureTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.audiorouting.server");

    @Test
    void theDomainKnowsNothingOfHttpOrGeneratedTypes() {
        noClasses().that().resideInAPackage("..server.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.eclipse.jetty..", "org.glassfish..",
                        "com.fasterxml..", "dev.audiorouting.api..", "..server.store..", "..server.resource..", "..server.http..",
                        "..server.error..", "..server.auth..", "com.nimbusds..")
                .check(SERVER);
    }

    @Test
    void generatedTypesStopAtTheHttpEdge() {
        noClasses().that().resideInAnyPackage("..server.domain..", "..server.store..")
                .should().dependOnClassesThat().resideInAPackage("dev.audiorouting.api..")
                .check(SERVER);
    }

    @Test
    void tokenVerificationKnowsNothingOfHttpOrTheData() {
        noClasses().that().resideInAPackage("..server.auth..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.eclipse.jetty..", "org.glassfish..",
                        "dev.audiorouting.api..", "..server.domain..", "..server.store..", "..server.resource..",
                        "..server.http..", "..server.error..")
                .check(SERVER);
    }

    @Test
    void storesDependOnlyOnTheDomain() {
        noClasses().that().resideInAPackage("..server.store..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.eclipse.jetty..", "org.glassfish..",
                        "..server.resource..", "..server.http..", "..server.error..")
                .check(SERVER);
    }
}
