package org.homeinfusion.coordinator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.homeinfusion.testsupport.ArchitectureRules;

/** The coordinator's boundaries (docs/adr/0007): its domain is the readiness saga, state in and blockers out. */
@AnalyzeClasses(packages = "org.homeinfusion.coordinator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainKnowsNoWebPersistenceOrKafka = ArchitectureRules.domainKnowsNoWebPersistenceOrKafka(
            resideInAPackage("org.homeinfusion.coordinator.readiness.."));

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = ArchitectureRules.noCyclesBetweenFeatures("org.homeinfusion.coordinator");

    @ArchTest
    static final ArchRule controllersAreTheWebEdge = ArchitectureRules.controllersAreTheWebEdge();
}
