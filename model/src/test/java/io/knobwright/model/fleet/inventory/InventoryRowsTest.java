package io.knobwright.model.fleet.inventory;

import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.fleet.inventory.ImportReport.RejectedRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spellings DBAs use for tiers and workloads, and the rows and files an import refuses with a reason. */
class InventoryRowsTest {

    private final InventoryParser parser = new InventoryParser();

    private ParsedInventory csv(String text) {
        return parser.parse(text, InventoryFormat.CSV, "fleet.csv");
    }

    @Test
    void everydayTierAndWorkloadSpellingsAreUnderstood() {
        ParsedInventory parsed = csv("""
                name,engine,version,tier,workload
                a,postgresql,16,stage,dw
                b,postgresql,16,dev,small
                c,postgresql,16,QA,warehouse
                """);

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.instances()).extracting(i -> i.tier() + " " + i.workload()).containsExactly(
                Tier.STAGING + " " + WorkloadKind.OLAP,
                Tier.DEVELOPMENT + " " + WorkloadKind.DESKTOP,
                Tier.TEST + " " + WorkloadKind.OLAP);
    }

    @Test
    void rowsWithoutEngineOrVersionOrWithBadTagsAreRejectedWithTheReasonAndTheRestImported() {
        ParsedInventory parsed = csv("""
                name,engine,version,tags,tier
                no-engine,,16,,
                no-version,mariadb,,,
                empty-key,postgresql,16,=payments,
                control,postgresql,16,"team=pay\u0007ments",
                odd-tier,postgresql,16,,%s
                fine,postgresql,16,team=payments,
                """.formatted("t".repeat(41)));

        assertThat(parsed.rejected()).containsExactly(
                new RejectedRow(2, "Missing engine; use one of: postgresql, mysql, mariadb, sqlserver, oracle."),
                new RejectedRow(3, "Missing version for MariaDB (available: 10.11, 11.4)."),
                new RejectedRow(4, "A tag has an empty key; write tags like team=payments;region=eu."),
                new RejectedRow(5, "Tag 'team=pay\\u0007ments' contains U+0007 BEL, an invisible or control character that"
                        + " can make a name print as another one. Use visible characters only."),
                new RejectedRow(6, "Unknown tier '" + "t".repeat(41) + "'."));
        assertThat(parsed.instances()).extracting(i -> i.name()).containsExactly("fine");
    }

    @Test
    void spreadsheetExportWithOnlyEmptyCellsSaysWhatAnInventoryLooksLike() {
        assertThatThrownBy(() -> csv(",,,\n,,,\n"))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessage("fleet.csv is empty. An inventory needs a header row (name,engine,version,...) and one row per instance.");
    }

    @Test
    void headerWithAnUnnamedColumnIsRefused() {
        assertThatThrownBy(() -> csv("name,,version\na,,16\n"))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessage("fleet.csv has a column without a name in its header row. Name it, or remove the column.");
    }

    @Test
    void unterminatedQuoteIsReportedWithItsLine() {
        assertThatThrownBy(() -> csv("name,engine,version\na,postgresql,16\n\"b,postgresql,16\n"))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("fleet.csv is not a readable CSV file: ")
                .hasMessageContaining("(the quoted value opened on line 3 is never closed)");
    }

    @Test
    void tabSeparatedExportsAreRead() {
        ParsedInventory parsed = csv("name\tengine\tversion\ttags\npg-1\tpostgresql\t16\tteam=pay,ments\n");

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.instances().getFirst().tags()).containsEntry("team", "pay,ments");
    }
}
