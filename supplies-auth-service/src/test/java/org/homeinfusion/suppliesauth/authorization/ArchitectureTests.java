package org.homeinfusion.suppliesauth.authorization;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.homeinfusion.testsupport.ArchitectureRules;

/**
 * The supplies service's boundaries (docs/adr/0007). It checks the whole service, and sits beside the aggregate so
 * it can name the domain by its types: the aggregate with its values, and the decision command.
 */
@AnalyzeClasses(packages = "org.homeinfusion.suppliesauth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainKnowsNoWebPersistenceOrKafka = ArchitectureRules.domainKnowsNoWebPersistenceOrKafka(
            belongToAnyOf(SuppliesAuthorization.class, SuppliesDecision.class));

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = ArchitectureRules.noCyclesBetweenFeatures("org.homeinfusion.suppliesauth");

    @ArchTest
    static final ArchRule controllersAreTheWebEdge = ArchitectureRules.controllersAreTheWebEdge();
}
