package io.knobwright.app.ui.guide;

import java.util.Objects;

/**
 * One picture of the user guide: the file it is written to under docs/guide/images, the state family whose workbench
 * shows it, how it is photographed, and the steps that bring the state to the front.
 */
public record GuideShot(String image, GuideFamily family, Capture capture, Step steps) {

    public GuideShot {
        Objects.requireNonNull(image, "image");
        if (!image.matches("[a-z0-9-]+\\.png")) {
            throw new IllegalArgumentException("A guide image is named in lower case with dashes, ending .png: " + image);
        }
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(steps, "steps");
    }

    /** What brings the state to the front, on the family's open workbench. */
    @FunctionalInterface
    public interface Step {
        void on(GuideDesk desk) throws Exception;
    }

    /** How the picture is taken. */
    public enum Capture {
        /** The main window's content at a desktop size (1440 x 900), as decision 0061 lends it to an off-screen scene. */
        DESKTOP,
        /** The main window as it is (1000 x 1000): for screens whose TilesFX tiles lay out only in their own window. */
        WINDOW,
        /** The dialog the steps opened; it is closed (cancelled) after the picture. */
        DIALOG
    }
}
