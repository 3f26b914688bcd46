package io.knobwright.app.ui.health;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.health.IndexAdviceShop;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.connectors.Connectors;
import io.knobwright.connectors.logs.ImportControl;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index advice screen with real advice: the shop database on the machine's PostgreSQL 15 service, its
 * application's log imported, Advise pressed; the candidate and the hygiene lists are shown and photographed.
 */
@ExtendWith(ApplicationExtension.class)
class IndexAdviceFromARealServerUiTest {

    private Stage stage;
    private IndexAdviceShop shop;
    private KnobwrightStore store;
    private IndexAdviceView view;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        if (view != null) {
            robot.interact(() -> view.dispose());
        }
        if (store != null) {
            store.close();
        }
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void adviseShowsTheMissingIndexWithItsBenefitAndTheIndexesThatCostWithoutServing(FxRobot robot) throws Exception {
        shop = new IndexAdviceShop("ui");
        store = KnobwrightStore.inMemory("index-advice-ui-" + UUID.randomUUID(), false);
        AppContext context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(),
                name -> null, "dba");
        Instance instance = context.fleet().register(new Registration("shop-pg15", shop.url(), "postgres", null, null,
                Tier.PRODUCTION, null, null, Map.of()));
        context.logImports().importLog("dba", instance.name(), shop.log(dir), null, null, new ImportControl());

        TaskRunner tasks = TaskRunner.inline();
        IndexAdviceViewModel vm = new IndexAdviceViewModel(new BackgroundWork(tasks, Platform::runLater, (a, d) -> { }),
                context.indexAdvice()::advise, ZoneId.of("UTC"));
        Theme theme = new Theme();
        robot.interact(() -> {
            view = new IndexAdviceView(vm);
            StackPane root = new StackPane(view);
            theme.style(root, IndexAdviceView.STYLESHEET);
            stage.setScene(new Scene(root, 1000, 800));
            stage.show();
            vm.show(instance);
        });
        robot.clickOn("#index-advise");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !vm.loadingProperty().get() && !vm.candidates().isEmpty();
        });

        IndexAdviceViewModel.CandidateRow best = vm.candidates().getFirst();
        assertThat(best.definition()).endsWith("ON public.orders (customer_id)");
        assertThat(best.evaluatedWith()).isEqualTo("sandbox");
        assertThat(best.benefitShare()).isEqualTo(1.0);
        assertThat(vm.hygiene()).extracting(IndexAdviceViewModel.HygieneRow::index)
                .contains("public.orders_note_idx", "public.orders_region_idx");
        assertThat(vm.hygiene()).extracting(IndexAdviceViewModel.HygieneRow::kind)
                .contains("Unused", "Duplicate", "Redundant");
        assertThat(vm.messageProperty().get()).isEmpty();
        Snapshots.writeAt(stage.getScene(), 1400, 820, "index-advice-real-server.png");
    }
}
