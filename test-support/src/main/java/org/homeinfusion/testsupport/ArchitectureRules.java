package org.homeinfusion.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries every service keeps, as ArchUnit rules a service's {@code ArchitectureTests} applies to its
 * own classes: the domain knows no HTTP, database or broker; features do not depend on each other in a circle;
 * controllers are the web edge, and nothing but the edge calls them. The rules are written for the services'
 * layout (one package per feature, the controller beside its use cases), so a service names its domain: its
 * aggregates' types ({@code JavaClass.Predicates.belongToAnyOf}) or its domain packages.
 */
public final class ArchitectureRules {

    /** HTTP: Spring MVC and its status codes, the servlet API, and the problem and security edge in service-support. */
    static final String[] WEB = {"org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
            "org.homeinfusion.support.problem..", "org.homeinfusion.support.security.."};

    /** The database: JDBC, Spring's JDBC support, and service-support's document table and outbox. */
    static final String[] PERSISTENCE = {"org.springframework.jdbc..", "java.sql..", "javax.sql..",
            "org.homeinfusion.support.document..", "org.homeinfusion.support.outbox.."};

    /** The broker: Kafka's clients and Spring for Apache Kafka. */
    static final String[] KAFKA = {"org.apache.kafka..", "org.springframework.kafka.."};

    private static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe("controllers",
            ArchitectureRules::isController);

    private static final DescribedPredicate<JavaClass> CONTROLLERS_AND_THEIR_TYPES = DescribedPredicate.describe(
            "controllers or types nested in them",
            type -> isController(type) || type.getEnclosingClass().map(ArchitectureRules::isController).orElse(false));

    private ArchitectureRules() {
    }

    /**
     * The domain (aggregates, their values and commands, pure policies) depends on nothing from the web,
     * the database or the broker: refusals are domain exceptions the edge maps to problems, and storage and
     * messages are mapped in repositories and publishers.
     */
    public static ArchRule domainKnowsNoWebPersistenceOrKafka(DescribedPredicate<? super JavaClass> domain) {
        String[] infrastructure = Stream.of(WEB, PERSISTENCE, KAFKA).flatMap(Stream::of).toArray(String[]::new);
        return noClasses().that(domain)
                .should().dependOnClassesThat().resideInAnyPackage(infrastructure)
                .because("domains know no HTTP, database or broker; the edge maps between them");
    }

    /** The features directly below {@code servicePackage} (one package each) depend on each other without cycles. */
    public static ArchRule noCyclesBetweenFeatures(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles();
    }

    /**
     * Controllers are the web edge: named {@code …Controller}, and used by no other class but controllers (a
     * second controller of the same resource, e.g. its FHIR form, may share the first one's request mapping).
     */
    public static ArchRule controllersAreTheWebEdge() {
        return classes().that(CONTROLLERS)
                .should().haveSimpleNameEndingWith("Controller")
                .andShould().onlyHaveDependentClassesThat(CONTROLLERS_AND_THEIR_TYPES);
    }

    private static boolean isController(JavaClass type) {
        return type.isAnnotatedWith(RestController.class) || type.isAnnotatedWith(Controller.class);
    }
}
