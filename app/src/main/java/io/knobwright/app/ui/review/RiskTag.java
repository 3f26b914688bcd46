package io.knobwright.app.ui.review;

import io.knobwright.model.policy.RiskLevel;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

import java.util.Locale;

/** A plan's risk level as a coloured tag ("high" on orange); the colours are tokens in tokens.css. */
final class RiskTag {

    static final String STYLE_CLASS = "risk-tag";

    private RiskTag() {
    }

    static Label of(RiskLevel level) {
        Label tag = new Label();
        tag.getStyleClass().add(STYLE_CLASS);
        tag.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        show(tag, level);
        return tag;
    }

    static void show(Label tag, RiskLevel level) {
        for (RiskLevel l : RiskLevel.values()) {
            tag.pseudoClassStateChanged(pseudo(l), l == level);
        }
        tag.setText(level == null ? null : level.name().toLowerCase(Locale.ROOT));
        tag.setVisible(level != null);
    }

    private static PseudoClass pseudo(RiskLevel level) {
        return PseudoClass.getPseudoClass("risk-" + level.name().toLowerCase(Locale.ROOT));
    }
}
