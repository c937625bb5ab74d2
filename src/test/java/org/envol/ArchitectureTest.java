package org.envol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of the house that the compiler does not check (DESIGN.md). */
class ArchitectureTest {

    static final JavaClasses ENVOL = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.envol");

    static final String[] FEATURES = {"org.envol.reports..", "org.envol.closing..", "org.envol.interchange..",
        "org.envol.members..", "org.envol.billing..", "org.envol.purchases..", "org.envol.openflyers..",
        "org.envol.analytics..", "org.envol.banking..", "org.envol.audit..", "org.envol.security..",
        "org.envol.platform..", "org.envol.web..", "org.envol.api..", "org.envol.benchmark..", "org.envol.demo..", "org.envol.guided.."};

    @Test
    void theLedgerDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.envol.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .because("the ledger is the base every feature writes through (DESIGN.md)")
                .check(ENVOL);
    }

    @Test
    void onlyTheLedgerWritesEntries() {
        noClasses().that().resideOutsideOfPackage("org.envol.ledger..")
                .should().dependOnClassesThat().haveSimpleName("EntryStore")
                .check(ENVOL);
    }
}
