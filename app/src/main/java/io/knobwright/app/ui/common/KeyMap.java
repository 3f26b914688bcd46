package io.knobwright.app.ui.common;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.util.Subscription;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every keyboard shortcut of the workbench, in one place: the window's key handling, the menus' accelerators, the
 * tooltips' "(Ctrl+N)" and the Keyboard shortcuts help are all read from here, so they cannot disagree (decision 0146).
 * Ctrl means the platform's shortcut key (Cmd on a Mac).
 */
public final class KeyMap {

    /**
     * Where a shortcut works. Window-wide ones work from any focused control, so they must not share a key with any
     * other shortcut; the others only while the keyboard is in their part of the window.
     */
    public enum Scope {
        SCREENS("Screens", true),
        ACTIONS("Actions", true),
        WINDOW("Window", true),
        REVIEWS("Review panel", false),
        DIFF("Comparisons (Compare screen, template differences)", false);

        private final String title;
        private final boolean windowWide;

        Scope(String title, boolean windowWide) {
            this.title = title;
            this.windowWide = windowWide;
        }

        public String title() {
            return title;
        }

        /** Two shortcuts can be pressed in the same place, so they need different keys. */
        public boolean overlaps(Scope other) {
            return this == other || windowWide || other.windowWide;
        }
    }

    /** One action and the keys that run it; the first key is the one menus show. */
    public record Shortcut(String id, String action, Scope scope, List<KeyCombination> keys) {
        public Shortcut {
            Objects.requireNonNull(scope, "scope");
            if (id == null || id.isBlank() || action == null || action.isBlank()) {
                throw new IllegalArgumentException("A shortcut needs an id and the action it runs");
            }
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("Shortcut " + id + " has no key");
            }
        }

        public KeyCombination primary() {
            return keys.getFirst();
        }

        public boolean matches(KeyEvent event) {
            return keys.stream().anyMatch(k -> k.match(event));
        }

        /** "Ctrl+Tab or Ctrl+PageDown", as the platform writes the keys. */
        public String keysText() {
            return keys.stream().map(KeyCombination::getDisplayText).collect(Collectors.joining(" or "));
        }

        /** A tooltip that ends with the keys: "Reload the fleet (F5)". */
        public String tip(String text) {
            return text + " (" + keysText() + ")";
        }
    }

    private static Shortcut of(String id, String action, Scope scope, KeyCombination... keys) {
        return new Shortcut(id, action, scope, List.of(keys));
    }

    private static KeyCombination ctrl(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination ctrlShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    private static KeyCombination alt(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.ALT_DOWN);
    }

    private static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    public static final Shortcut NEXT_SCREEN = of("next-screen", "Next screen", Scope.SCREENS,
            ctrl(KeyCode.TAB), ctrl(KeyCode.PAGE_DOWN));
    public static final Shortcut PREVIOUS_SCREEN = of("previous-screen", "Previous screen", Scope.SCREENS,
            ctrlShift(KeyCode.TAB), ctrl(KeyCode.PAGE_UP));

    /**
     * The screens in tab order, Ctrl+1 to Ctrl+9 and Ctrl+0 for the tenth; the eleventh, Recommendations, is
     * Ctrl+Shift+R (R for recommend: the digits are used up).
     */
    public static final List<Shortcut> SCREENS = List.of(
            screen("Fleet", KeyCode.DIGIT1), screen("Workload", KeyCode.DIGIT2), screen("Health", KeyCode.DIGIT3),
            screen("What-if", KeyCode.DIGIT4), screen("Alerts", KeyCode.DIGIT5), screen("Operations", KeyCode.DIGIT6),
            screen("Templates", KeyCode.DIGIT7), screen("Plans", KeyCode.DIGIT8), screen("Compare", KeyCode.DIGIT9),
            screen("Policy", KeyCode.DIGIT0),
            of("screen-recommendations", "Recommendations", Scope.SCREENS, ctrlShift(KeyCode.R)));

    private static Shortcut screen(String name, KeyCode digit) {
        return of("screen-" + name.toLowerCase(java.util.Locale.ROOT), name, Scope.SCREENS, ctrl(digit));
    }

    public static final Shortcut SEARCH = of("search", "Search: the screen's search field, or the fleet's", Scope.ACTIONS,
            ctrl(KeyCode.F));
    public static final Shortcut ADD = of("add", "Add instance…", Scope.ACTIONS, ctrl(KeyCode.N));
    public static final Shortcut IMPORT = of("import", "Import inventory…", Scope.ACTIONS, ctrl(KeyCode.I));
    public static final Shortcut EDIT = of("edit", "Edit the selected instance…", Scope.ACTIONS, ctrl(KeyCode.E));
    public static final Shortcut COMPARE = of("compare", "Compare the selected instance…", Scope.ACTIONS, ctrl(KeyCode.D));
    public static final Shortcut REFRESH = of("refresh", "Refresh the screen in front", Scope.ACTIONS, key(KeyCode.F5));
    public static final Shortcut REVIEWS = of("reviews", "Review panel: open it and go to its list", Scope.ACTIONS,
            ctrlShift(KeyCode.A));

    public static final Shortcut HELP = of("help", "Keyboard shortcuts", Scope.WINDOW, key(KeyCode.F1));
    public static final Shortcut MENU = of("menu", "Go to the menu bar (arrows, Enter, Esc)", Scope.WINDOW, key(KeyCode.F10));
    public static final Shortcut DARK = of("dark", "Dark theme", Scope.WINDOW, ctrlShift(KeyCode.L));
    public static final Shortcut QUIT = of("quit", "Quit", Scope.WINDOW, ctrl(KeyCode.Q));

    public static final Shortcut APPROVE = of("approve", "Approve the level awaiting you", Scope.REVIEWS,
            ctrl(KeyCode.ENTER), alt(KeyCode.A));
    public static final Shortcut REJECT = of("reject", "Reject, with the comment", Scope.REVIEWS, alt(KeyCode.R));
    public static final Shortcut CLOSE_BREAK_GLASS = of("close-break-glass", "Close a break-glass review, with what you found",
            Scope.REVIEWS, alt(KeyCode.C));
    public static final Shortcut CLOSE_REVIEWS = of("close-reviews", "Close the review panel", Scope.REVIEWS,
            key(KeyCode.ESCAPE));

    public static final Shortcut NEXT_DIFFERENCE = of("next-difference", "Next difference", Scope.DIFF,
            key(KeyCode.F7), alt(KeyCode.DOWN));
    public static final Shortcut PREVIOUS_DIFFERENCE = of("previous-difference", "Previous difference", Scope.DIFF,
            new KeyCodeCombination(KeyCode.F7, KeyCombination.SHIFT_DOWN), alt(KeyCode.UP));

    /** Every shortcut, grouped by scope in the order the help lists them. */
    public static final List<Shortcut> ALL = java.util.stream.Stream.of(
            List.of(NEXT_SCREEN, PREVIOUS_SCREEN), SCREENS,
            List.of(SEARCH, ADD, IMPORT, EDIT, COMPARE, REFRESH, REVIEWS),
            List.of(HELP, MENU, DARK, QUIT),
            List.of(APPROVE, REJECT, CLOSE_BREAK_GLASS, CLOSE_REVIEWS),
            List.of(NEXT_DIFFERENCE, PREVIOUS_DIFFERENCE)).flatMap(List::stream).toList();

    /**
     * Runs the action of the shortcut a pressed key matches as the key enters {@code root}, before any control in it
     * (a table, a text field) can keep the key for itself. The subscription removes the handling.
     */
    public static Subscription handle(Node root, Map<Shortcut, Runnable> actions) {
        Map<Shortcut, Runnable> copy = Map.copyOf(actions);
        EventHandler<KeyEvent> filter = event -> copy.entrySet().stream().filter(e -> e.getKey().matches(event))
                .findFirst().ifPresent(e -> {
                    // consumed first: the action may open a dialog and wait in it
                    event.consume();
                    e.getValue().run();
                });
        root.addEventFilter(KeyEvent.KEY_PRESSED, filter);
        return () -> root.removeEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    private KeyMap() {
    }
}
