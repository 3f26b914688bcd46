package io.knobwright.app.ui.diff;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.diff.ChangeKind;
import io.knobwright.model.diff.DiffRow;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.EnumMap;
import java.util.Map;

/**
 * Rows and cells of the diff table. Every one is a virtualised cell that the table reuses while scrolling,
 * so a 400-parameter diff creates only as many nodes as fit on screen.
 */
final class DiffCells {

    static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");
    static final PseudoClass ABSENT = PseudoClass.getPseudoClass("absent");
    static final PseudoClass RESTART = PseudoClass.getPseudoClass("restart");
    static final PseudoClass BLANK = PseudoClass.getPseudoClass("blank");

    private static final Map<ChangeKind, PseudoClass> BY_KIND = new EnumMap<>(Map.of(
            ChangeKind.ADDED, ADDED, ChangeKind.REMOVED, REMOVED, ChangeKind.CHANGED, CHANGED));

    /** Shown where a side does not set the parameter at all, which is not the same as an empty value. */
    static final String NOT_SET = "not set";
    /** Shown for an empty string (shared_preload_libraries = ''), so it does not look like a missing cell. */
    static final String EMPTY = "(empty)";

    private DiffCells() {
    }

    private static void markKind(Node node, ChangeKind kind) {
        BY_KIND.forEach((k, pc) -> node.pseudoClassStateChanged(pc, k == kind));
    }

    private static DiffRow rowOf(DiffLine line) {
        return line instanceof DiffLine.Parameter p ? p.row() : null;
    }

    /** Colours the whole line by change kind (:added, :removed, :changed) and marks category headers (:group). */
    static final class Row extends TreeTableRow<DiffLine> {
        Row() {
            getStyleClass().add("diff-row");
        }

        @Override
        protected void updateItem(DiffLine line, boolean empty) {
            super.updateItem(line, empty);
            DiffRow row = empty ? null : rowOf(line);
            markKind(this, row == null ? null : row.change());
            pseudoClassStateChanged(GROUP, !empty && line instanceof DiffLine.Header);
        }
    }

    /** Parameter name with a change marker (+ − ≠) so the kind reads without colour; the header text on group lines. */
    static final class NameCell extends TreeTableCell<DiffLine, DiffLine> {
        private final Label marker = new Label();
        private final Label groupLabel = new Label();
        /** The clip the cell skin installs; lifted on header lines so their text runs across the empty cells. */
        private Node skinClip;

        NameCell() {
            getStyleClass().add("name-cell");
            marker.getStyleClass().add("change-marker");
            groupLabel.getStyleClass().add("group-label");
            // The header text may run on across the empty cells to its right instead of being cut at the column edge.
            groupLabel.setMinWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void layoutChildren() {
            boolean header = getItem() instanceof DiffLine.Header && !isEmpty();
            if (header && getClip() != null) {
                skinClip = getClip();
                setClip(null);
            } else if (!header && getClip() == null && skinClip != null) {
                setClip(skinClip);
            }
            super.layoutChildren();
        }

        @Override
        protected void updateItem(DiffLine line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setText(null);
                setGraphic(null);
                markKind(this, null);
            } else if (line instanceof DiffLine.Header header) {
                setText(null);
                groupLabel.setText(header.label());
                setGraphic(groupLabel);
                markKind(this, null);
            } else if (line instanceof DiffLine.Parameter(DiffRow row)) {
                setText(row.name());
                marker.setText(switch (row.change()) {
                    case ADDED -> "+";
                    case REMOVED -> "−";
                    case CHANGED -> "≠";
                    case SAME -> "";
                });
                setGraphic(marker);
                markKind(marker, row.change());
                markKind(this, row.change());
            }
        }
    }

    /** One side's value; the side that carries the change is emphasised (:added and :changed on the right, :removed on the left). */
    static final class ValueCell extends TreeTableCell<DiffLine, DiffLine> {
        private final boolean left;

        private final Tooltip fullValue = new Tooltip();

        ValueCell(boolean left) {
            this.left = left;
            getStyleClass().addAll("value-cell", left ? "left-value" : "right-value");
            // Long values (search_path, preload lists) end in an ellipsis; hovering shows them whole.
            fullValue.textProperty().bind(textProperty());
            textTruncatedProperty().subscribe(truncated -> setTooltip(truncated ? fullValue : null));
        }

        @Override
        protected void updateItem(DiffLine line, boolean empty) {
            super.updateItem(line, empty);
            DiffRow row = empty ? null : rowOf(line);
            if (row == null) {
                setText(null);
                pseudoClassStateChanged(ABSENT, false);
                markKind(this, null);
                return;
            }
            String value = left ? row.left() : row.right();
            setText(value == null ? NOT_SET : value.isEmpty() ? EMPTY : value);
            pseudoClassStateChanged(ABSENT, value == null);
            pseudoClassStateChanged(BLANK, value != null && value.isEmpty());
            // The right side is where the comparison goes to (its apply mode is the one shown), so a changed
            // value is emphasised there; the left keeps the row's tint and stays readable as "from".
            boolean emphasised = switch (row.change()) {
                case CHANGED -> !left;
                case ADDED -> !left;
                case REMOVED -> left;
                case SAME -> false;
            };
            markKind(this, emphasised ? row.change() : null);
        }
    }

    /** How the right-hand value takes effect. */
    static final class ApplyModeCell extends TreeTableCell<DiffLine, DiffLine> {
        ApplyModeCell() {
            getStyleClass().add("apply-mode-cell");
        }

        @Override
        protected void updateItem(DiffLine line, boolean empty) {
            super.updateItem(line, empty);
            DiffRow row = empty ? null : rowOf(line);
            setText(row == null ? null : label(row.applyMode()));
        }

        static String label(ApplyMode mode) {
            return mode == null ? "unknown" : mode.label();
        }
    }

    /** Flags the differences that only take effect after a server restart. */
    static final class RestartCell extends TreeTableCell<DiffLine, DiffLine> {
        private final FontIcon icon = new FontIcon(MaterialDesignR.RESTART_ALERT);

        RestartCell() {
            getStyleClass().add("restart-cell");
        }

        @Override
        protected void updateItem(DiffLine line, boolean empty) {
            super.updateItem(line, empty);
            DiffRow row = empty ? null : rowOf(line);
            boolean restart = row != null && row.restartNeeded();
            setText(restart ? "restart" : null);
            setGraphic(restart ? icon : null);
            pseudoClassStateChanged(RESTART, restart);
        }
    }
}
