package io.knobwright.app.ui.guide;

import io.knobwright.app.ui.common.KeyMap;
import io.knobwright.app.ui.workbench.WorkbenchViewModel.Screen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The user guide's pages and the pictures the generator takes stay in step, and every screen has its page. */
class GuidePagesTest {

    private static final Path GUIDE = GuideScreenshotsUiTest.IMAGES.getParent();
    private static final Pattern IMAGE = Pattern.compile("\\]\\(images/([^)\\s]+)\\)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([a-z0-9-]+\\.md)(#[^)]*)?\\)");

    private static Map<String, String> pages() throws IOException {
        try (Stream<Path> files = Files.list(GUIDE)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .collect(Collectors.toMap(f -> f.getFileName().toString(), f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
    }

    private static Set<String> found(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyPictureAPageShowsIsTakenByTheGeneratorAndEveryPictureTakenIsShown() throws IOException {
        Set<String> referenced = new TreeSet<>();
        pages().values().forEach(text -> referenced.addAll(found(IMAGE, text)));
        Set<String> generated = GuideShots.ALL.stream().map(GuideShot::image).collect(Collectors.toCollection(TreeSet::new));
        assertThat(referenced).as("pictures pages show that GuideShots does not take").isSubsetOf(generated);
        assertThat(generated).as("pictures GuideShots takes that no page shows").isSubsetOf(referenced);
        assertThat(GuideShots.ALL.stream().map(GuideShot::image).distinct().count()).as("one entry per picture")
                .isEqualTo(GuideShots.ALL.size());
    }

    @Test
    void everyScreenOfTheMainWindowHasItsPageLinkedFromTheIndex() throws IOException {
        Map<String, String> pages = pages();
        for (Screen screen : Screen.values()) {
            assertThat(GuideShots.SCREEN_PAGES).as("the guide's page of the " + screen + " screen").containsKey(screen);
            String page = GuideShots.SCREEN_PAGES.get(screen);
            assertThat(pages.keySet()).as("the pages of the guide, for " + screen).contains(page);
            assertThat(found(LINK, pages.get("README.md"))).as("the index links " + page).contains(page);
        }
    }

    @Test
    void linksBetweenPagesLeadToPagesThatExist() throws IOException {
        Map<String, String> pages = pages();
        List<String> broken = pages.entrySet().stream()
                .flatMap(p -> found(LINK, p.getValue()).stream().filter(link -> !pages.containsKey(link))
                        .map(link -> p.getKey() + " -> " + link))
                .toList();
        assertThat(broken).isEmpty();
    }

    /**
     * The keyboard page lists every shortcut of the key map, each in a table row with its action and its keys as the
     * workbench writes them, so a new or changed key cannot leave the page behind. (On a Mac the keys read ⌘...)
     */
    @Test
    @DisabledOnOs(OS.MAC)
    void theKeyboardPageListsEveryShortcutWithItsKeys() throws IOException {
        List<String> rows = pages().get("keyboard.md").lines().filter(l -> l.startsWith("|")).toList();
        List<String> missing = KeyMap.ALL.stream()
                .filter(s -> rows.stream().noneMatch(r -> r.startsWith("| " + s.action() + " |")
                        && r.contains("| " + s.keysText() + " |")))
                .map(s -> s.id() + " (" + s.action() + ": " + s.keysText() + ")").toList();
        assertThat(missing).as("shortcuts keyboard.md does not list as '| action | keys |'").isEmpty();
        assertThat(found(LINK, pages().get("README.md"))).as("the index links the keyboard page").contains("keyboard.md");
    }
}
