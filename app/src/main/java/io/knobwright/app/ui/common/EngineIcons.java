package io.knobwright.app.ui.common;

import io.knobwright.model.engine.Engine;
import javafx.css.PseudoClass;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The mark of each engine: its mascot where it has one, coloured by the token {@code -kw-engine-<id>}.
 * The colour is switched with a pseudo-class ({@code :engine-postgresql}), not a style class, because
 * table cells re-mark their icon on every scroll and a style-class change re-resolves all CSS of the node.
 */
public final class EngineIcons {

    private static final Map<Engine, PseudoClass> STATES = new EnumMap<>(Engine.class);

    static {
        for (Engine e : Engine.values()) {
            STATES.put(e, PseudoClass.getPseudoClass("engine-" + e.id().toLowerCase(Locale.ROOT)));
        }
    }

    private EngineIcons() {
    }

    public static FontIcon icon(Engine engine) {
        FontIcon icon = new FontIcon(ikon(engine));
        icon.getStyleClass().add("engine-icon");
        mark(icon, engine);
        return icon;
    }

    /** Turns an existing icon into this engine's mark (cheap: no new node, no CSS re-resolution). */
    public static void mark(FontIcon icon, Engine engine) {
        Ikon ikon = ikon(engine);
        if (icon.getIconCode() != ikon) {
            icon.setIconCode(ikon);
        }
        STATES.forEach((e, state) -> icon.pseudoClassStateChanged(state, e == engine));
    }

    public static Ikon ikon(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> MaterialDesignE.ELEPHANT;
            case MYSQL -> MaterialDesignD.DOLPHIN;
            case MARIADB -> MaterialDesignS.SEAL;
            case SQLSERVER -> MaterialDesignM.MICROSOFT;
            case ORACLE -> MaterialDesignA.ALPHA_O_CIRCLE;
        };
    }
}
