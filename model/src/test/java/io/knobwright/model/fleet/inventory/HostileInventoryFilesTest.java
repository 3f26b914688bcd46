package io.knobwright.model.fleet.inventory;

import io.knobwright.model.fleet.inventory.ImportReport.RejectedRow;
import io.knobwright.model.text.ReadLimits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inventories built to confuse the reader: line numbers stay the file's own, limits end in a sentence. */
class HostileInventoryFilesTest {

    private final InventoryParser parser = new InventoryParser();

    private ParsedInventory csv(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), InventoryFormat.CSV, "hosts.csv");
    }

    @Test
    void aQuoteLeftOpenOnTheLastLineOfAFourLineFileIsOnLineFourNotFive() {
        String text = "name,engine,version\npg-1,postgresql,16\npg-2,postgresql,16\n\"pg-3,postgresql,16\n";
        assertThatThrownBy(() -> csv(text)).isInstanceOf(InventoryFormatException.class)
                .hasMessage("hosts.csv is not a readable CSV file: Missing closing quote for value"
                        + " (the quoted value opened on line 4 is never closed).");
    }

    @Test
    void aQuoteLeftOpenEarlyIsNamedWhereItOpensNotWhereTheFileEnds() {
        String text = "name,engine,version\r\npg-1,\"postgresql,16\r\npg-2,postgresql,16\r\npg-3,postgresql,16\r\n";
        assertThatThrownBy(() -> csv(text)).hasMessageContaining("opened on line 2 is never closed");
    }

    @Test
    void rowsAreTheFilesLinesWithBlankLinesCrlfAndQuotedLineBreaks() {
        ParsedInventory parsed = csv("name,engine,version\r\n"
                + "\r\n"
                + "pg-1,postgresql,99\r\n"
                + "\"pg\r\n-2\",postgresql,16\r\n"
                + "\r\n"
                + "\"pg-3\",\"postgres\nql\",16\r\n"
                + "pg-4,postgresql,98");

        assertThat(parsed.rejected()).extracting(RejectedRow::row).containsExactly(3, 4, 7, 9);
        assertThat(csv("name,engine,version\rpg-1,postgresql,16\rpg-2,postgresql,99\r").rejected())
                .extracting(RejectedRow::row).containsExactly(3);
    }

    @Test
    void aRowLongerThanTheHeaderIsRejectedOnItsOwnLine() {
        assertThat(csv("name,engine,version\n\n\npg-1,postgresql,16,extra\n").rejected())
                .extracting(RejectedRow::row).containsExactly(4);
    }

    @Test
    void lineCountingMatchesAnEditorsForEveryLineEnding() {
        assertThat(CsvInventoryReader.lineCount("a\nb\n")).isEqualTo(2);
        assertThat(CsvInventoryReader.lineCount("a\r\nb")).isEqualTo(2);
        assertThat(CsvInventoryReader.lineCount("a\rb\r")).isEqualTo(2);
        assertThat(CsvInventoryReader.lineCount("")).isEqualTo(1);
        assertThat(CsvInventoryReader.unclosedQuoteLine("a,\"b\"\"c\"\n\"d", ',')).isEqualTo(2);
        assertThat(CsvInventoryReader.unclosedQuoteLine("a,b\"c\n", ',')).isZero();
    }

    @Test
    void jsonNestedOverAThousandLevelsIsRefusedNamingTheLimitAndTheFile() {
        String deep = "[{\"name\": \"a\", \"engine\": \"postgresql\", \"version\": \"16\", \"tags\": "
                + "{\"a\": ".repeat(1200) + "1" + "}".repeat(1200) + "}]";
        assertThatThrownBy(() -> parser.parse(deep, InventoryFormat.JSON, "deep.json"))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("deep.json")
                .hasMessageContaining("nested more than " + ReadLimits.MAX_NESTING + " levels deep, the limit");
    }

    @Test
    void aJsonFieldOfTwentyFiveMillionCharactersIsRefusedNamingTheLimitAndTheFile() {
        String huge = "[{\"name\": \"" + "x".repeat(25_000_000) + "\", \"engine\": \"postgresql\", \"version\": \"16\"}]";
        assertThatThrownBy(() -> parser.parse(huge, InventoryFormat.JSON, "huge.json"))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("huge.json")
                .hasMessageContaining("longer than 1,000,000 characters, the limit");
        String hugeCsv = "name,engine,version\n" + "x".repeat(25_000_000) + ",postgresql,16\n";
        assertThatThrownBy(() -> parser.parse(hugeCsv, InventoryFormat.CSV, "huge.csv"))
                .hasMessageStartingWith("huge.csv").hasMessageContaining("the limit");
    }

    @Test
    void namesAndTagsWithBidiOverridesOrZeroWidthCharactersAreRejectedAndShownEscaped() {
        ParsedInventory parsed = csv("name,engine,version,tags\n"
                + "db-\u202Edorp,postgresql,16,\n"
                + "db\u200B-prod,postgresql,16,\n"
                + "db-ok,postgresql,16,team=\u2066pay\n"
                + "\uFEFFdb-bom,postgresql,16,\n");

        assertThat(parsed.instances()).isEmpty();
        assertThat(parsed.rejected()).extracting(RejectedRow::reason).containsExactly(
                "Name 'db-\\u202Edorp' contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible or control character that can"
                        + " make a name print as another one. Use visible characters only.",
                "Name 'db\\u200B-prod' contains U+200B ZERO WIDTH SPACE, an invisible or control character that can"
                        + " make a name print as another one. Use visible characters only.",
                "Tag 'team=\\u2066pay' contains U+2066 LEFT-TO-RIGHT ISOLATE, an invisible or control character that can"
                        + " make a name print as another one. Use visible characters only.",
                "Name '\\uFEFFdb-bom' contains U+FEFF ZERO WIDTH NO-BREAK SPACE, an invisible or control character that"
                        + " can make a name print as another one. Use visible characters only.");
        assertThat(parsed.rejected()).allSatisfy(r -> assertThat(r.reason()).doesNotContain("\u202E", "\u200B", "\u2066", "\uFEFF"));
    }
}
