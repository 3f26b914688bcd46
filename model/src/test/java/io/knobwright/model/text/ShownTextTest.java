package io.knobwright.model.text;

import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShownTextTest {

    @Test
    void bidiZeroWidthAndControlCharactersAreEscapedAndEverythingElseStays() {
        assertThat(ShownText.escaped("db-\u202Edorp\u200B\u2066\uFEFF\u00AD\u2028\u0000\u001B[31m\t\r\n"))
                .isEqualTo("db-\\u202Edorp\\u200B\\u2066\\uFEFF\\u00AD\\u2028\\u0000\\u001B[31m\\t\\r\\n");
        assertThat(ShownText.escaped("pg-東京-😀 région \\u202E")).isEqualTo("pg-東京-😀 région \\u202E");
        assertThat(ShownText.escaped("tag\uDB40\uDC01")).isEqualTo("tag\\u{E0001}");
        assertThat(ShownText.escaped("\u3164")).isEqualTo("\\u3164");
        assertThat(ShownText.escaped(null)).isNull();
    }

    @Test
    void anExcerptIsEscapedAndCutWithAnEllipsis() {
        assertThat(ShownText.excerpt("x".repeat(100), 5)).isEqualTo("xxxxx…");
        assertThat(ShownText.excerpt("a\nb", 5)).isEqualTo("a\\nb");
        assertThat(ShownText.excerpt(null, 5)).isNull();
    }

    @Test
    void aMultiLineMessageKeepsItsLineBreaksOnly() {
        assertThat(ShownText.escapedKeepingLines("first\n  db-\u202Eprod\r")).isEqualTo("first\n  db-\\u202Eprod\\r");
        assertThat(ShownText.escapedKeepingLines(null)).isNull();
    }

    @Test
    void theFirstHiddenCharacterIsDescribedByItsCodeAndName() {
        assertThat(ShownText.firstHidden("ab\u200Fc\u202E")).contains("U+200F RIGHT-TO-LEFT MARK");
        assertThat(ShownText.firstHidden("visible")).isEmpty();
        assertThat(ShownText.firstHidden(null)).isEmpty();
    }

    @Test
    void aVisibleNamePassesAndAHiddenOneIsAUserError() {
        assertThat(Names.requireVisible("Tag", "team=payments")).isEqualTo("team=payments");
        assertThatThrownBy(() -> Names.requireVisible("Instance name", "db\u200B"))
                .isInstanceOf(UserError.class)
                .hasMessage("Instance name 'db\\u200B' contains U+200B ZERO WIDTH SPACE, an invisible or control character"
                        + " that can make a name print as another one. Use visible characters only.");
    }
}
