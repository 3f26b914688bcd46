package io.knobwright.app.ui.fleet;

import javafx.beans.property.DoubleProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.NestedTableColumnHeader;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.TableRowSkin;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.util.Subscription;

/**
 * The fleet table's skin: the name column stays in place while the other columns scroll sideways, as a
 * spreadsheet freezes its first column, so a DBA reading the Disk or Tags column still sees whose row it is.
 * TableView has no frozen columns; the name cells and the name header are shifted by the sideways scroll
 * offset and drawn above the cells that slide under them (fleet.css gives them their row's background).
 */
final class FleetTableSkin extends TableViewSkin<FleetEntry> {

    /** Style class of the name cells and header. */
    static final String PINNED = "pinned";
    /** On the table while it is scrolled sideways: the pinned column then shows an edge. */
    static final PseudoClass SCROLLED = PseudoClass.getPseudoClass("scrolled-sideways");

    private final TableColumn<FleetEntry, ?> pinned;
    private final DoubleProperty offset;
    private final Subscription subscriptions;

    /**
     * @param pinned the column kept in place; the table keeps it first
     * @param offset set to the sideways scroll offset; the pinned column's cells follow it
     */
    FleetTableSkin(TableView<FleetEntry> table, TableColumn<FleetEntry, ?> pinned, DoubleProperty offset) {
        super(table);
        this.pinned = pinned;
        this.offset = offset;
        ScrollBar sideways = ((PinningFlow) getVirtualFlow()).sideways();
        offset.bind(sideways.valueProperty());
        NestedTableColumnHeader headers = getTableHeaderRow().getRootHeader();
        subscriptions = Subscription.combine(
                offset.subscribe(x -> table.pseudoClassStateChanged(SCROLLED, x.doubleValue() > 0)),
                // Headers are made anew when columns change (added, moved, shown).
                headers.getColumnHeaders().subscribe(() -> pin(headers)));
        pin(headers);
    }

    private void pin(NestedTableColumnHeader headers) {
        for (TableColumnHeader header : headers.getColumnHeaders()) {
            boolean isPinned = header.getTableColumn() == pinned;
            if (isPinned) {
                header.translateXProperty().bind(offset);
                if (!header.getStyleClass().contains(PINNED)) {
                    header.getStyleClass().add(PINNED);
                }
            } else {
                header.translateXProperty().unbind();
                header.setTranslateX(0);
                header.getStyleClass().remove(PINNED);
            }
            // Drawn after (above) the headers that scroll under it.
            header.setViewOrder(isPinned ? -1 : 0);
        }
    }

    @Override
    protected VirtualFlow<TableRow<FleetEntry>> createVirtualFlow() {
        return new PinningFlow();
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
        offset.unbind();
        offset.set(0);
        super.dispose();
    }

    /**
     * A row skin that keeps the name cell in its row when the table is scrolled past the name column's own width:
     * with a fixed cell size TableView takes cells it believes out of view out of the row.
     */
    static final class RowSkin extends TableRowSkin<FleetEntry> {
        private TableCell<FleetEntry, ?> pinnedCell;

        RowSkin(TableRow<FleetEntry> row) {
            super(row);
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected TableCell<FleetEntry, ?> createCell(TableColumnBase column) {
            TableCell<FleetEntry, ?> cell = super.createCell(column);
            if (cell.getStyleClass().contains(PINNED)) {
                pinnedCell = cell;
            }
            return cell;
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            super.layoutChildren(x, y, w, h);
            TableRow<FleetEntry> row = getSkinnable();
            if (pinnedCell != null && pinnedCell.getParent() == null && row.getIndex() >= 0 && row.getTableView() != null) {
                getChildren().add(pinnedCell);
                pinnedCell.resize(snapSizeX(pinnedCell.getTableColumn().getWidth()), row.getTableView().getFixedCellSize());
                // The first column starts where the row does; its translation keeps it in view.
                pinnedCell.relocate(x, 0);
            }
        }
    }

    /** A VirtualFlow that lets the skin read its sideways scroll bar, which VirtualFlow keeps protected. */
    private static final class PinningFlow extends VirtualFlow<TableRow<FleetEntry>> {
        ScrollBar sideways() {
            return getHbar();
        }
    }
}
