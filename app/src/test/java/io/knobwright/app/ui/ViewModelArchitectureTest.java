package io.knobwright.app.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** View-models stay testable without a toolkit: beans and collections only, no scene graph, no service calls inline. */
class ViewModelArchitectureTest {

    private final JavaClasses ui = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.knobwright.app.ui");

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "atlantafx..", "org.kordamp..")
                .check(ui);
    }

    @Test
    void viewModelsNeverCallAConnectorDirectly() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Connector")
                .check(ui);
    }
}
