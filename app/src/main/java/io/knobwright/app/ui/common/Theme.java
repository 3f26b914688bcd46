package io.knobwright.app.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.util.Subscription;

/**
 * AtlantaFX Primer (light or dark) as the base, plus the project's colour tokens. Feature stylesheets
 * use the tokens, which follow the {@code :dark} pseudo-class set here on every styled root
 * (the main window and each dialog).
 */
public final class Theme {

    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final String TOKENS = Theme.class.getResource("tokens.css").toExternalForm();

    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public Theme() {
        dark.subscribe(isDark -> Application.setUserAgentStylesheet(isDark
                ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS()));
    }

    /** Adds the tokens and the feature stylesheets to a root; the returned subscription keeps it in step with dark mode. */
    public Subscription style(Parent root, String... featureStylesheets) {
        root.getStylesheets().add(TOKENS);
        root.getStylesheets().addAll(featureStylesheets);
        return dark.subscribe(isDark -> root.pseudoClassStateChanged(DARK, isDark));
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** URL of a stylesheet that sits next to a view class ("fleet.css" beside FleetView). */
    public static String stylesheet(Class<?> view, String name) {
        var url = view.getResource(name);
        if (url == null) {
            throw new IllegalStateException("Stylesheet " + name + " missing next to " + view.getName());
        }
        return url.toExternalForm();
    }
}
