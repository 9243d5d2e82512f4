package com.zephycloud.ledger.infra.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The one-way rule of the modules: kernel <- command-side, query-side <- infra, and the statement
 * helpers of jdbc-support under the query side and infra (docs/architecture.md, "Modules"). The
 * packages inside infra are checked by {@link FeaturePackagesTest}.
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.zephycloud.ledger");

    @Test
    void theKernelKnowsNoSpringNoDatabaseAndNoOtherModule() {
        noClasses().that().resideInAPackage("com.zephycloud.ledger.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "jakarta..", "com.zephycloud.ledger.command..", "com.zephycloud.ledger.query..",
                        "com.zephycloud.ledger.infra..")
                .check(CLASSES);
    }

    @Test
    void theCommandSideNeverImportsTheQuerySideNorSpringNorInfra() {
        noClasses().that().resideInAPackage("com.zephycloud.ledger.command..")
                .should().dependOnClassesThat().resideInAnyPackage("com.zephycloud.ledger.query..",
                        "com.zephycloud.ledger.infra..", "org.springframework..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void theQuerySideNeverImportsTheCommandSideNorInfraNorTheWeb() {
        noClasses().that().resideInAPackage("com.zephycloud.ledger.query..")
                .should().dependOnClassesThat().resideInAnyPackage("com.zephycloud.ledger.command..",
                        "com.zephycloud.ledger.infra..", "org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void theStatementHelpersKnowNoDomainAndNoOtherModule() {
        noClasses().that().resideInAPackage("com.zephycloud.ledger.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("com.zephycloud.ledger.kernel..",
                        "com.zephycloud.ledger.command..", "com.zephycloud.ledger.query..",
                        "com.zephycloud.ledger.infra..")
                .check(CLASSES);
    }

    @Test
    void onlyInfraSpeaksHttpAndAws() {
        noClasses().that().resideOutsideOfPackage("com.zephycloud.ledger.infra..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "software.amazon..", "jakarta.servlet..")
                .check(CLASSES);
    }
}
