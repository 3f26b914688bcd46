package io.knobwright.app.ui.common;

import io.knobwright.app.ui.common.KeyMap.Shortcut;
import io.knobwright.app.ui.workbench.WorkbenchViewModel.Screen;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyMapTest {

    @Test
    void noKeyRunsTwoActionsWhereBothCanBePressed() {
        List<String> clashes = new ArrayList<>();
        for (Shortcut a : KeyMap.ALL) {
            for (Shortcut b : KeyMap.ALL) {
                if (a != b && a.scope().overlaps(b.scope())) {
                    for (KeyCombination key : a.keys()) {
                        if (b.keys().contains(key)) {
                            clashes.add(a.id() + " and " + b.id() + " share " + key);
                        }
                    }
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void everyShortcutHasItsOwnIdAndTheScreensFollowTheTabs() {
        Set<String> ids = KeyMap.ALL.stream().map(Shortcut::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(KeyMap.ALL.size());
        assertThat(KeyMap.SCREENS).hasSize(Screen.values().length);
        assertThat(KeyMap.SCREENS.getFirst().action()).isEqualTo("Fleet");
        assertThat(KeyMap.SCREENS.get(Screen.WHATIF.ordinal()).action()).isEqualTo("What-if");
        assertThat(KeyMap.SCREENS.get(Screen.POLICY.ordinal()).action()).isEqualTo("Policy");
        assertThat(KeyMap.SCREENS.getLast().action()).isEqualTo("Recommendations");
        assertThat(KeyMap.ALL).containsAll(KeyMap.SCREENS);
    }

    @Test
    void aShortcutWithoutAKeyOrAnActionCannotBeMade() {
        assertThatThrownBy(() -> new Shortcut("x", "Do it", KeyMap.Scope.WINDOW, List.of()))
                .hasMessageContaining("x has no key");
        assertThatThrownBy(() -> new Shortcut("x", " ", KeyMap.Scope.WINDOW, List.of(KeyCombination.valueOf("F2"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWindowWideScopesOverlapEveryOtherAndTheLocalOnesOnlyThemselves() {
        assertThat(KeyMap.Scope.SCREENS.overlaps(KeyMap.Scope.DIFF)).isTrue();
        assertThat(KeyMap.Scope.DIFF.overlaps(KeyMap.Scope.ACTIONS)).isTrue();
        assertThat(KeyMap.Scope.DIFF.overlaps(KeyMap.Scope.REVIEWS)).isFalse();
        assertThat(KeyMap.Scope.REVIEWS.overlaps(KeyMap.Scope.REVIEWS)).isTrue();
    }
}
