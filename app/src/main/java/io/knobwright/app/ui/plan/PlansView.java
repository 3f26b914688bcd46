package io.knobwright.app.ui.plan;

import io.knobwright.app.ui.common.Theme;
import javafx.scene.layout.BorderPane;

/** The Plans screen. (Skeleton: filled in by the plans screen work.) */
public final class PlansView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(PlansView.class, "plans.css");

    public PlansView(PlansViewModel vm) {
        getStyleClass().add("plans-view");
    }

    public void dispose() {
    }
}
