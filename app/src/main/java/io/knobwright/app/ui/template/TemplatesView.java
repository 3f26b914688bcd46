package io.knobwright.app.ui.template;

import io.knobwright.app.ui.common.Theme;
import javafx.scene.layout.BorderPane;

/** The Templates screen. (Skeleton.) */
public final class TemplatesView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(TemplatesView.class, "templates.css");

    public TemplatesView(TemplatesViewModel vm) {
        getStyleClass().add("templates-view");
    }

    public void dispose() {
    }
}
