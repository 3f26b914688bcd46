package io.knobwright.app.ui.guide;

import io.knobwright.app.ui.Snapshots;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes the user guide's pictures (docs/guide/images) from the real workbench on demo data, one workbench per state
 * family, so that `mvn verify` keeps them current with the screens. Times show in UTC with English formats, so a
 * picture changes only when the screen or the data does (or the clock moves on what is shown as "now").
 */
@ExtendWith(ApplicationExtension.class)
class GuideScreenshotsUiTest {

    /** The guide's pictures, from the app module's base directory (Maven runs tests there). */
    static final Path IMAGES = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize()
            .resolveSibling("docs").resolve("guide").resolve("images");
    private static final int DESKTOP_WIDTH = 1440;
    private static final int DESKTOP_HEIGHT = 900;
    /** A page loads quickly: a picture larger than this has too much in it (or noise, such as a gradient). */
    private static final long MAX_BYTES = 250 * 1024;

    private static TimeZone zoneBefore;
    private static Locale localeBefore;
    private Stage stage;

    @BeforeAll
    static void fixZoneAndLocale() {
        zoneBefore = TimeZone.getDefault();
        localeBefore = Locale.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Locale.setDefault(Locale.UK);
    }

    @AfterAll
    static void restoreZoneAndLocale() {
        TimeZone.setDefault(zoneBefore);
        Locale.setDefault(localeBefore);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theReviewersPicturesShowEveryScreenWithItsDemoData(FxRobot robot) throws Exception {
        take(GuideFamily.REVIEWER, robot);
    }

    @Test
    void theAdminsPicturesShowThePolicyTheyMayEdit(FxRobot robot) throws Exception {
        take(GuideFamily.ADMIN, robot);
    }

    private void take(GuideFamily family, FxRobot robot) throws Exception {
        List<GuideShot> shots = GuideShots.ALL.stream().filter(s -> s.family() == family).toList();
        assertThat(shots).as("pictures of " + family).isNotEmpty();
        Files.createDirectories(IMAGES);
        List<String> tooLarge = new ArrayList<>();
        try (GuideDesk desk = GuideDesk.open(family, robot, stage)) {
            for (GuideShot shot : shots) {
                desk.quiet();
                shot.steps().on(desk);
                Path file = IMAGES.resolve(shot.image());
                writePng(photograph(desk, shot.capture()), file);
                if (shot.capture() == GuideShot.Capture.DIALOG) {
                    closeDialogs(desk);
                }
                long bytes = Files.size(file);
                if (bytes > MAX_BYTES) {
                    tooLarge.add(shot.image() + " (" + bytes / 1024 + " KB)");
                }
            }
        }
        assertThat(tooLarge).as("pictures over " + MAX_BYTES / 1024 + " KB").isEmpty();
    }

    /** At the strongest compression: the pictures are committed and read on the web. */
    private static void writePng(WritableImage image, Path file) throws java.io.IOException {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0f);
        java.awt.image.BufferedImage rgb = SwingFXUtils.fromFXImage(image, null);
        // no alpha channel: a window has none to show, and it costs a quarter of the file
        java.awt.image.BufferedImage opaque = new java.awt.image.BufferedImage(rgb.getWidth(), rgb.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        opaque.getGraphics().drawImage(rgb, 0, 0, null);
        Files.deleteIfExists(file);
        try (var out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(opaque, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private WritableImage photograph(GuideDesk desk, GuideShot.Capture capture) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        desk.fx(() -> true); // the FX thread is free (inline background work may hold it): the picture has 30 s
        return switch (capture) {
            case DESKTOP -> Snapshots.at(desk.scene(), DESKTOP_WIDTH, DESKTOP_HEIGHT, root -> {
                desk.arrange(root);
                return root.getScene().snapshot(null);
            });
            case WINDOW -> desk.fx(() -> {
                for (int pass = 0; pass < 2; pass++) {
                    desk.scene().getRoot().applyCss();
                    desk.scene().getRoot().layout();
                }
                return desk.scene().snapshot(null);
            });
            case DIALOG -> desk.fx(() -> {
                Window dialog = openDialogs().getFirst();
                dialog.getScene().getRoot().applyCss();
                dialog.getScene().getRoot().layout();
                return dialog.getScene().snapshot(null);
            });
        };
    }

    private List<Window> openDialogs() {
        return Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).toList();
    }

    /** Cancels the dialogs a picture was taken of, as their Cancel button would. */
    private void closeDialogs(GuideDesk desk) throws Exception {
        desk.fx(() -> {
            for (Window dialog : openDialogs()) {
                if (dialog.getScene().getRoot() instanceof DialogPane pane) {
                    pane.getButtonTypes().stream()
                            .filter(t -> t.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE || t == ButtonType.CANCEL)
                            .findFirst().map(pane::lookupButton)
                            .ifPresentOrElse(b -> ((javafx.scene.control.Button) b).fire(), dialog::hide);
                } else {
                    dialog.hide();
                }
            }
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> desk.fx(() -> openDialogs().isEmpty()));
    }
}
