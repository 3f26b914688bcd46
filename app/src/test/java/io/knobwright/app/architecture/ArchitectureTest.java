package io.knobwright.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rules of DESIGN.md and STYLE.md, checked on the compiled classes of every module.
 * Maven already stops a module from seeing a module it does not depend on; these rules also catch
 * what Maven cannot: JavaFX arriving transitively, jOOQ records escaping the store, the CLI loading the toolkit.
 */
class ArchitectureTest {

    private static final String[] JAVAFX = {"javafx..", "com.sun.javafx..", "com.sun.glass..", "com.sun.prism.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.knobwright");

    @Test
    void modelSimulatorAndConnectorsNeverSeeJavaFx() {
        noClasses().that().resideInAnyPackage("io.knobwright.model..", "io.knobwright.simulator..", "io.knobwright.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .because("JavaFX lives in app only (STYLE.md 1)")
                .check(CLASSES);
    }

    @Test
    void modelDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.knobwright.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.knobwright.connectors..", "io.knobwright.app..",
                        "io.knobwright.simulator..")
                .because("app -> simulator, connectors -> model")
                .check(CLASSES);
    }

    @Test
    void connectorsAndSimulatorNeverDependOnTheApp() {
        noClasses().that().resideInAnyPackage("io.knobwright.connectors..", "io.knobwright.simulator..")
                .should().dependOnClassesThat().resideInAPackage("io.knobwright.app..")
                .check(CLASSES);
    }

    @Test
    void connectorsAndSimulatorStayIndependentOfEachOther() {
        noClasses().that().resideInAPackage("io.knobwright.connectors..")
                .should().dependOnClassesThat().resideInAPackage("io.knobwright.simulator..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.knobwright.simulator..")
                .should().dependOnClassesThat().resideInAPackage("io.knobwright.connectors..")
                .check(CLASSES);
    }

    @Test
    void jooqGeneratedRecordsNeverLeaveTheStore() {
        // The generated classes are the subject, so the rule fails (instead of passing vacuously) if code
        // generation ever moves them to another package.
        classes().that().resideInAPackage("io.knobwright.model.store.jooq..")
                .should().onlyHaveDependentClassesThat().resideInAPackage("io.knobwright.model.store..")
                .because("jOOQ records are mapped to domain records inside the store (STYLE.md 11)")
                .check(CLASSES);
    }

    @Test
    void jooqStaysInsideTheStore() {
        noClasses().that().resideInAPackage("io.knobwright..").and().resideOutsideOfPackage("io.knobwright.model.store..")
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .because("services work through the repositories and UnitOfWork, so no jOOQ type leaves the store")
                .check(CLASSES);
    }

    @Test
    void theHeadlessPathNeverTouchesJavaFx() {
        noClasses().that().resideInAnyPackage("io.knobwright.app.cli..", "io.knobwright.app.fleet..", "io.knobwright.app.task..")
                .or().resideInAPackage("io.knobwright.app.pdf..")
                .or().haveFullyQualifiedName("io.knobwright.app.Main")
                .or().haveFullyQualifiedName("io.knobwright.app.AppContext")
                .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .because("commands must run on a machine without a display")
                .check(CLASSES);
    }
}
