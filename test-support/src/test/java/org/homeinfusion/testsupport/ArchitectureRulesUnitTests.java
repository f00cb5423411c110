package org.homeinfusion.testsupport;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

class ArchitectureRulesUnitTests {

    private static final String CLEAN = "org.homeinfusion.testsupport.archfixture.clean";
    private static final String BROKEN = "org.homeinfusion.testsupport.archfixture.broken";

    private final JavaClasses clean = new ClassFileImporter().importPackages(CLEAN);
    private final JavaClasses broken = new ClassFileImporter().importPackages(BROKEN);

    @Test
    void aServiceKeepingItsBoundariesPassesEveryRule() {
        assertThat(evaluate(ArchitectureRules.domainKnowsNoWebPersistenceOrKafka(simpleName("Order")), clean)
                .hasViolation()).isFalse();
        assertThat(evaluate(ArchitectureRules.noCyclesBetweenFeatures(CLEAN), clean).hasViolation()).isFalse();
        assertThat(evaluate(ArchitectureRules.controllersAreTheWebEdge(), clean).hasViolation()).isFalse();
    }

    @Test
    void refusesADomainThatKnowsTheDatabase() {
        EvaluationResult result = evaluate(ArchitectureRules.domainKnowsNoWebPersistenceOrKafka(simpleName("Order")),
                broken);

        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("java.sql.Timestamp"));
    }

    @Test
    void refusesFeaturesThatDependOnEachOtherInACircle() {
        EvaluationResult result = evaluate(ArchitectureRules.noCyclesBetweenFeatures(BROKEN), broken);

        assertThat(result.getFailureReport().toString()).contains("feature orders", "feature payments");
    }

    @Test
    void refusesAControllerNamedOtherwiseOrCalledFromBehindTheEdge() {
        EvaluationResult result = evaluate(ArchitectureRules.controllersAreTheWebEdge(), broken);

        assertThat(result.getFailureReport().toString()).contains("ending with 'Controller'", "OrderReport");
    }

    private static EvaluationResult evaluate(ArchRule rule, JavaClasses classes) {
        return rule.evaluate(classes);
    }
}
