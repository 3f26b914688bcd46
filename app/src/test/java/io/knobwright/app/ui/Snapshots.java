package io.knobwright.app.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Writes what a scene really renders to app/target/snapshots, so people can look at the UI tests' screens.
 *
 * <p>JavaFX's headless platform has a fixed 1000 x 1000 screen and cannot show larger windows, so
 * {@link #writeAt} lends the window's live content to an off-screen scene of a desktop size for the
 * duration of one snapshot, then gives it back: same nodes, same state, real rendering.
 */
public final class Snapshots {

    public static final Path DIR = Path.of("target", "snapshots");

    private Snapshots() {
    }

    public static Path write(Scene scene, String fileName) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            for (int pass = 0; pass < 2; pass++) {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
            }
            return scene.snapshot(null);
        }).get(20, TimeUnit.SECONDS);
        return save(image, fileName);
    }

    public static Path writeAt(Scene scene, double width, double height, String fileName) throws Exception {
        return save(at(scene, width, height, root -> root.getScene().snapshot(null)), fileName);
    }

    /**
     * Lends the window's live content to an off-screen scene of a desktop size, lays it out as that screen would,
     * and hands it to {@code look} (measure it, photograph it) before giving it back.
     */
    public static <T> T at(Scene scene, double width, double height, Function<Parent, T> look) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
            Parent root = scene.getRoot();
            scene.setRoot(new Pane());
            Scene offscreen = new Scene(root, width, height);
            // Dividers keep the proportions the small window forced on them; show the default split.
            SplitPane split = (SplitPane) root.lookup("#workbench-split");
            double[] dividers = split == null ? null : split.getDividerPositions();
            if (split != null) {
                split.setDividerPositions(0.665);
            }
            try {
                // Cells re-filled during layout change their pseudo-classes after the CSS pass; a live
                // window fixes that on the next pulse, a snapshot has none, so settle twice first.
                for (int pass = 0; pass < 2; pass++) {
                    root.applyCss();
                    root.layout();
                }
                return look.apply(root);
            } finally {
                if (split != null) {
                    split.setDividerPositions(dividers);
                }
                offscreen.setRoot(new Pane());
                scene.setRoot(root);
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /** One node alone, laid out at the given size in an off-screen scene and given back afterwards. */
    public static Path writeNode(javafx.scene.Node node, double width, double height, String fileName) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = node.getScene();
            javafx.scene.layout.Pane parent = (javafx.scene.layout.Pane) node.getParent();
            int at = parent.getChildren().indexOf(node);
            parent.getChildren().remove(at);
            javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(node);
            Scene offscreen = new Scene(holder, width, height);
            offscreen.getStylesheets().setAll(scene.getStylesheets());
            offscreen.getRoot().getStylesheets().setAll(scene.getRoot().getStylesheets());
            offscreen.getRoot().getStyleClass().setAll(scene.getRoot().getStyleClass());
            offscreen.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"),
                    scene.getRoot().getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("dark")));
            try {
                for (int pass = 0; pass < 2; pass++) {
                    holder.applyCss();
                    holder.layout();
                }
                return offscreen.snapshot(null);
            } finally {
                holder.getChildren().clear();
                parent.getChildren().add(at, node);
            }
        }).get(30, TimeUnit.SECONDS);
        return save(image, fileName);
    }

    private static Path save(WritableImage image, String fileName) throws IOException {
        Files.createDirectories(DIR);
        Path file = DIR.resolve(fileName);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }
}
