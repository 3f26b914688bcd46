package io.knobwright.app.cli;

import java.util.Map;

/** The JavaFX platform for commands that open windows (the benches): the real one with a display, else the headless one. */
final class HeadlessToolkit {

    private HeadlessToolkit() {
    }

    /** Chooses JavaFX's headless platform when there is no display; must run before the toolkit starts. */
    static void chooseWhenNoDisplay(Map<String, String> environment) {
        boolean noDisplay = isBlank(environment.get("DISPLAY")) && isBlank(environment.get("WAYLAND_DISPLAY"));
        if (noDisplay && System.getProperty("glass.platform") == null) {
            force();
        }
    }

    /** Always the headless platform: for work that must not open a window even on a desktop. */
    static void force() {
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
