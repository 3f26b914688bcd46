package io.knobwright.app.ui.operations;

import javafx.scene.paint.Color;

/**
 * The tiles' colours. TilesFX paints a tile from Color properties, not from CSS, so the dashboard cannot give it
 * the colour tokens; these mirror AtlantaFX Primer's (bg-subtle, fg-default, fg-muted, border-default, danger-fg)
 * and follow the window's light/dark switch. The text inside a tile is ordinary controls styled by the theme.
 */
record TilePalette(Color background, Color foreground, Color muted, Color border, Color danger) {

    static final TilePalette LIGHT = new TilePalette(Color.web("#f6f8fa"), Color.web("#24292f"), Color.web("#57606a"),
            Color.web("#d0d7de"), Color.web("#cf222e"));
    static final TilePalette DARK = new TilePalette(Color.web("#161b22"), Color.web("#c9d1d9"), Color.web("#8b949e"),
            Color.web("#30363d"), Color.web("#f85149"));

    static TilePalette of(boolean dark) {
        return dark ? DARK : LIGHT;
    }
}
