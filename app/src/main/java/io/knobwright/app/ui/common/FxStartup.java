package io.knobwright.app.ui.common;

import javafx.application.Platform;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts the JavaFX toolkit the way every entry point of knobwright.jar needs it. */
public final class FxStartup {

    private FxStartup() {
    }

    /**
     * {@link Platform#startup}, without its "Unsupported JavaFX configuration" warning: from knobwright.jar
     * JavaFX sits on the class path, which is expected here (decision 0004). Only that start-up warning is
     * silenced; the toolkit's exceptions reach the caller.
     */
    public static void startup(Runnable onStarted) {
        Logger javafxLogger = Logger.getLogger("javafx");
        Level previous = javafxLogger.getLevel();
        javafxLogger.setLevel(Level.SEVERE);
        try {
            Platform.startup(onStarted);
        } finally {
            javafxLogger.setLevel(previous);
        }
    }
}
