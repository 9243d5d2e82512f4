package com.zephycloud.ledger.infra.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Inside infra: one package per feature, a few neutral packages of shared plumbing, and no
 * cycles (docs/architecture.md, "The packages of infra"). Features meet only through the
 * kernel's events and the command and query sides, never through each other's infra code.
 */
class FeaturePackagesTest {

    private static final String INFRA = "com.zephycloud.ledger.infra";
    private static final List<String> FEATURES = List.of("ledger", "catalog", "computations", "projects", "reports",
            "audit", "events", "search", "console");
    private static final List<String> NEUTRAL = List.of("http", "messaging", "eventstore", "jdbc", "json",
            "operations");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(INFRA);

    @Test
    void infraPackagesAreFreeOfCycles() {
        slices().matching(INFRA + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void aFeatureDependsOnNoOtherFeature() {
        for (String feature : FEATURES) {
            String[] others = FEATURES.stream().filter(other -> !other.equals(feature)).map(FeaturePackagesTest::pkg)
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(pkg(feature))
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("features meet through the kernel's events, not through each other's infra code")
                    .check(CLASSES);
        }
    }

    @Test
    void neutralPackagesKnowNoFeature() {
        noClasses().that().resideInAnyPackage(NEUTRAL.stream().map(FeaturePackagesTest::pkg).toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES.stream().map(FeaturePackagesTest::pkg)
                        .toArray(String[]::new))
                .check(CLASSES);
    }

    @Test
    void everyPackageIsAFeatureOrNeutral() {
        String[] known = Stream.concat(FEATURES.stream(), NEUTRAL.stream()).map(FeaturePackagesTest::pkg)
                .toArray(String[]::new);
        classes().that().resideInAPackage(INFRA + "..").and().resideOutsideOfPackage(INFRA)
                .should().resideInAnyPackage(known)
                .because("a new package is either a feature or shared plumbing named for what it is:"
                        + " add it to one of the lists here and to docs/architecture.md")
                .check(CLASSES);
    }

    private static String pkg(String name) {
        return INFRA + "." + name + "..";
    }
}
