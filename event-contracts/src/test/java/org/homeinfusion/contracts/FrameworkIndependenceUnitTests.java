package org.homeinfusion.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Every service and every subscriber puts this jar on its classpath; a framework or an ORM here
 * would be dragged into all of them, and would tie the wire format to one service's persistence.
 */
@AnalyzeClasses(packages = "org.homeinfusion.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class FrameworkIndependenceUnitTests {

    @ArchTest
    static final ArchRule contractsDependOnNoFrameworkOrOrm = noClasses()
            .that().resideInAPackage("org.homeinfusion.contracts..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..");

    @ArchTest
    static final ArchRule contractsNeedOnlyTheJdkAndJackson = classes()
            .that().resideInAPackage("org.homeinfusion.contracts..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.homeinfusion.contracts..", "java..", "tools.jackson..", "com.fasterxml.jackson.annotation..");
}
