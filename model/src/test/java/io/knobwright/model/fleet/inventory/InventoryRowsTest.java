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
    void aPasswordInTheJdbcUrlRejectsTheRowWithoutQuotingThePassword() {
        ParsedInventory parsed = csv("""
                name,engine,version,jdbc_url,password_env
                query,postgresql,16,jdbc:postgresql://db1:5432/pay?password=Inv_Pw_1&ssl=true,
                upper,mariadb,10.11,jdbc:mariadb://db2:3306/x?PASSWORD=Inv_Pw_2,
                encoded,mariadb,10.11,jdbc:mariadb://db2:3306/x?pass%77ord=Inv_Pw_3,
                userinfo,mysql,8.0,jdbc:mysql://app:Inv_Pw_4@db3:3306/x,
                keystore,mariadb,10.11,jdbc:mariadb://db2/x?keyStorePassword=Inv_Pw_5,
                notjdbc,postgresql,16,postgresql://app:Inv_Pw_6@db1/x,
                fine,postgresql,16,jdbc:postgresql://db1:5432/pay,PG_PASS
                """);

        assertThat(parsed.instances()).extracting(i -> i.name()).containsExactly("fine");
        assertThat(parsed.rejected()).extracting(RejectedRow::reason).allSatisfy(reason ->
                assertThat(reason).doesNotContain("Inv_Pw").contains("***"));
        assertThat(parsed.rejected().getFirst().reason()).isEqualTo("JDBC URL 'jdbc:postgresql://db1:5432/pay?password=***&ssl=true'"
                + " contains a password, which would be stored in clear text. Remove it from the URL and put the name of the"
                + " environment variable that holds the password in password_env, or register the instance with"
                + " 'knobwright fleet add ... --password-stdin' to have the password sealed.");
        assertThat(parsed.rejected().get(4).reason()).contains("contains keyStorePassword, which would be stored in clear text");
        assertThat(parsed.rejected().get(5).reason()).startsWith("JDBC URL 'postgresql://app:***@db1/x' must start with 'jdbc:'");
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
