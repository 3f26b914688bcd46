package io.knobwright.app.ui.fleet;

import io.knobwright.app.ui.common.EngineIcons;
import io.knobwright.app.ui.common.Labels;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.health.AlertSeverity;
import javafx.beans.value.ObservableDoubleValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Cells and rows of the fleet table. Each cell keeps its graphic and only swaps text and style classes. */
final class FleetCells {

    static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");
    static final PseudoClass DEMO = PseudoClass.getPseudoClass("demo");
    static final PseudoClass DRIFTING = PseudoClass.getPseudoClass("drifting");
    static final PseudoClass IN_LINE = PseudoClass.getPseudoClass("in-line");
    static final PseudoClass NOT_CHECKED = PseudoClass.getPseudoClass("not-checked");
    static final PseudoClass NO_MARKS = PseudoClass.getPseudoClass("no-marks");
    /** A health value past its limit (disk full soon, backup overdue, connections near the limit): red. */
    static final PseudoClass HEALTH_BAD = PseudoClass.getPseudoClass("health-bad");
    /** A health value worth a look, not yet past its limit: amber. */
    static final PseudoClass HEALTH_WARN = PseudoClass.getPseudoClass("health-warn");
    /** Nothing known, not read yet, or nothing to report: muted. */
    static final PseudoClass HEALTH_QUIET = PseudoClass.getPseudoClass("health-quiet");

    /*
     * Colours switch with pseudo-classes (":tier-production", ":criticality-high"), never with style
     * classes: cells are re-filled on every keystroke and scroll, and changing a style class makes
     * JavaFX re-resolve all CSS of the node, which at 300 visible cells costs more than the filtering.
     */
    private static final Map<Tier, PseudoClass> TIER = states(Tier.class, "tier-");
    private static final Map<Criticality, PseudoClass> CRITICALITY = states(Criticality.class, "criticality-");
    private static final Map<AlertSeverity, PseudoClass> SEVERITY = states(AlertSeverity.class, "severity-");

    private FleetCells() {
    }

    static <E extends Enum<E>> Map<E, PseudoClass> states(Class<E> type, String prefix) {
        Map<E, PseudoClass> map = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            map.put(e, PseudoClass.getPseudoClass(prefix + e.name().toLowerCase(Locale.ROOT)));
        }
        return map;
    }

    private static <E extends Enum<E>> void mark(Node node, Map<E, PseudoClass> states, E value) {
        states.forEach((e, state) -> node.pseudoClassStateChanged(state, e == value));
    }

    /** Plain text from the row; empty on group headers. */
    static class TextCell extends TableCell<FleetEntry, FleetEntry> {
        private final Function<FleetRow, String> text;

        TextCell(Function<FleetRow, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(FleetEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(entry instanceof FleetRow row && !empty ? text.apply(row) : null);
        }
    }

    /**
     * Instance name with a DEMO badge; on a group header, the group label, its count and a chevron.
     * Both marks stay in the cell and are only shown or hidden: adding and removing graphics while
     * the table re-fills would re-resolve their CSS on every keystroke. For the same reason the marks'
     * holder stays managed even when it shows nothing: a Labeled drops an unmanaged graphic from its
     * children at the next text change and adds it back later, and each return re-resolves its CSS.
     */
    static final class NameCell extends TableCell<FleetEntry, FleetEntry> {
        private final Label demoBadge = new Label("DEMO");
        private final FontIcon chevron = new FontIcon(MaterialDesignC.CHEVRON_DOWN);

        /** @param sideways how far the table is scrolled sideways: the cell moves along to stay in view */
        NameCell(ObservableDoubleValue sideways) {
            getStyleClass().add(FleetTableSkin.PINNED);
            translateXProperty().bind(sideways);
            // Drawn after (above) the cells of its row that scroll under it.
            setViewOrder(-1);
            demoBadge.getStyleClass().add("demo-badge");
            chevron.getStyleClass().add("group-chevron");
            setGraphic(new StackPane(chevron, demoBadge));
            show(false, false);
        }

        private void show(boolean header, boolean demo) {
            chevron.setVisible(header);
            chevron.setManaged(header);
            demoBadge.setVisible(demo);
            demoBadge.setManaged(demo);
            // An empty holder takes no room; without marks fleet.css drops the gap before it too.
            pseudoClassStateChanged(NO_MARKS, !header && !demo);
            setContentDisplay(header ? ContentDisplay.LEFT : ContentDisplay.RIGHT);
        }

        @Override
        protected void updateItem(FleetEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setText(null);
                show(false, false);
            } else if (entry instanceof FleetGroupHeader h) {
                chevron.setIconCode(h.collapsed() ? MaterialDesignC.CHEVRON_RIGHT : MaterialDesignC.CHEVRON_DOWN);
                show(true, false);
                setText(h.label() + "  (" + h.count() + ")");
            } else if (entry instanceof FleetRow row) {
                show(false, row.instance().demo());
                setText(row.name());
            }
        }
    }

    /** Engine mascot in the engine's colour, then its name. */
    static final class EngineCell extends TableCell<FleetEntry, FleetEntry> {
        private final FontIcon icon = EngineIcons.icon(Engine.POSTGRESQL);

        EngineCell() {
            setGraphic(icon);
            icon.setVisible(false);
        }

        @Override
        protected void updateItem(FleetEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (entry instanceof FleetRow row && !empty) {
                Engine engine = row.instance().engine();
                EngineIcons.mark(icon, engine);
                icon.setVisible(true);
                setText(engine.displayName());
            } else {
                icon.setVisible(false);
                setText(null);
            }
        }
    }

    /** Tier as text, production in the tier token colour. */
    static final class TierCell extends TextCell {
        TierCell() {
            super(r -> Labels.tier(r.instance().tier()));
        }

        @Override
        protected void updateItem(FleetEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            mark(this, TIER, entry instanceof FleetRow row && !empty ? row.instance().tier() : null);
        }
    }

    /** Criticality as a coloured pill. */
    static final class CriticalityCell extends TableCell<FleetEntry, FleetEntry> {
        private final Label pill = new Label();

        CriticalityCell() {
            pill.getStyleClass().add("pill");
            setGraphic(pill);
            pill.setVisible(false);
        }

        @Override
        protected void updateItem(FleetEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (entry instanceof FleetRow row && !empty) {
                Criticality c = row.instance().criticality();
                pill.setText(Labels.criticality(c));
                mark(pill, CRITICALITY, c);
                pill.setVisible(true);
            } else {
                pill.setVisible(false);
            }
        }
    }

    /**
     * Differences from the template: a number in the warning colour when the instance drifts, a muted
     * "0" when it matches, "—" without a snapshot to compare, nothing without a template.
     */
    static final class DriftCell extends TextCell {
        DriftCell() {
            super(FleetRow::driftText);
        }

        @Override
        protected void updateItem(FleetEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            int drift = entry instanceof FleetRow row && !empty ? row.drift() : FleetRow.NO_TEMPLATE;
            pseudoClassStateChanged(DRIFTING, drift > 0);
            pseudoClassStateChanged(IN_LINE, drift == 0);
            pseudoClassStateChanged(NOT_CHECKED, drift == FleetRow.NOT_CHECKED || drift == FleetRow.MEASURING);
        }
    }

    /**
     * A health column's cell: text from the row's {@link HealthCells}, its state as a pseudo-class, and the detail behind
     * the value on hover (one tooltip per cell, its text swapped as rows are re-filled).
     */
    abstract static class HealthCell extends TableCell<FleetEntry, FleetEntry> {
        private final Tooltip detail = new Tooltip();

        HealthCell() {
            detail.setShowDelay(javafx.util.Duration.millis(300));
            detail.setShowDuration(javafx.util.Duration.seconds(30));
        }

        abstract String text(HealthCells h);

        abstract String detail(HealthCells h);

        /** Sets the pseudo-classes of {@code h}'s value; null when the cell is empty. */
        void mark(HealthCells h) {
            pseudoClassStateChanged(HEALTH_BAD, false);
            pseudoClassStateChanged(HEALTH_WARN, false);
            pseudoClassStateChanged(HEALTH_QUIET, h != null && !h.loaded());
        }

        @Override
        protected void updateItem(FleetEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            HealthCells h = entry instanceof FleetRow row && !empty ? row.health() : null;
            setText(h == null ? null : text(h));
            String more = h == null || !h.loaded() ? "" : detail(h);
            detail.setText(more);
            setTooltip(more.isEmpty() ? null : detail);
            mark(h);
        }
    }

    /** Active alerts and the worst severity, as a pill in the severity's colour; the list on hover. */
    static final class AlertsCell extends HealthCell {
        private final Label pill = new Label();

        AlertsCell() {
            pill.getStyleClass().add("alert-pill");
            pill.setMinWidth(Region.USE_PREF_SIZE);
            setGraphic(pill);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        String text(HealthCells h) {
            return h.alertsText();
        }

        @Override
        String detail(HealthCells h) {
            return h.alertsDetail();
        }

        @Override
        void mark(HealthCells h) {
            super.mark(h);
            pill.setVisible(h != null);
            pill.setText(h == null ? null : h.alertsText());
            FleetCells.mark(pill, SEVERITY, h == null ? null : h.worst());
            pill.pseudoClassStateChanged(HEALTH_QUIET, h != null && h.worst() == null);
        }
    }

    static final class DiskFullCell extends HealthCell {
        @Override
        String text(HealthCells h) {
            return h.diskText();
        }

        @Override
        String detail(HealthCells h) {
            return h.diskDetail();
        }

        @Override
        void mark(HealthCells h) {
            super.mark(h);
            pseudoClassStateChanged(HEALTH_BAD, h != null && h.diskSoon());
            pseudoClassStateChanged(HEALTH_QUIET, h != null && (!h.loaded() || Double.isNaN(h.diskDays())));
        }
    }

    static final class BackupCell extends HealthCell {
        @Override
        String text(HealthCells h) {
            return h.backupText();
        }

        @Override
        String detail(HealthCells h) {
            return h.backupDetail();
        }

        @Override
        void mark(HealthCells h) {
            super.mark(h);
            pseudoClassStateChanged(HEALTH_BAD, h != null && h.backupOverdue());
            pseudoClassStateChanged(HEALTH_QUIET, h != null && !h.backupKnown());
        }
    }

    static final class ConnectionsCell extends HealthCell {
        @Override
        String text(HealthCells h) {
            return h.connectionsText();
        }

        @Override
        String detail(HealthCells h) {
            return h.connectionsDetail();
        }

        @Override
        void mark(HealthCells h) {
            super.mark(h);
            pseudoClassStateChanged(HEALTH_BAD, h != null && h.connectionsCritical());
            pseudoClassStateChanged(HEALTH_WARN, h != null && h.connectionsHigh() && !h.connectionsCritical());
            pseudoClassStateChanged(HEALTH_QUIET, h != null && Double.isNaN(h.connectionShare()));
        }
    }

    /** Marks group headers and demo instances for the stylesheet; a click on a header folds the group. */
    static final class EntryRow extends TableRow<FleetEntry> {
        EntryRow(Consumer<FleetGroupHeader> toggle) {
            setOnMouseClicked(e -> {
                if (getItem() instanceof FleetGroupHeader h) {
                    toggle.accept(h);
                }
            });
        }

        @Override
        protected Skin<?> createDefaultSkin() {
            return new FleetTableSkin.RowSkin(this);
        }

        @Override
        protected void updateItem(FleetEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            pseudoClassStateChanged(GROUP, !empty && entry instanceof FleetGroupHeader);
            pseudoClassStateChanged(DEMO, !empty && entry instanceof FleetRow r && r.instance().demo());
        }
    }
}
