package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.health.IndexAdviceShop;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Tier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `index advise` on the machine's PostgreSQL 15 service: the application's log is imported, and the missing index its
 * most frequent query needs is proposed with its benefit; unused, duplicate and redundant indexes are listed with
 * their sizes. One advice run serves every assertion (it starts a sandbox PostgreSQL).
 */
class IndexAdviseAgainstPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static IndexAdviceShop shop;
    private static CliHarness cli;
    private static AppContext context;
    private static CliHarness.Result advised;

    @BeforeAll
    static void adviseOnce(@TempDir Path dir) throws Exception {
        shop = new IndexAdviceShop("cli");
        cli = CliHarness.withRealServers();
        context = new AppContext(cli.store(), () -> { }, new CatalogRepository(), Connectors.defaultRegistry(),
                name -> null, "alice");
        context.fleet().register(new Registration("shop-pg15", shop.url(), "postgres", null, null, Tier.TEST, null,
                null, Map.of()));
        CliHarness.Result imported = cli.run("workload", "import-log", "--instance", "shop-pg15", "--file",
                shop.log(dir).toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        advised = cli.run("index", "advise", "--instance", "shop-pg15", "--json");
    }

    @AfterAll
    static void dropShop() throws Exception {
        context.close();
        cli.close();
        shop.close();
    }

    @Test
    void theMissingIndexOfTheFrequentQueryIsProposedWithItsBenefit() throws Exception {
        assertThat(advised.exitCode()).as(advised.err()).isZero();
        JsonNode advice = JSON.readTree(advised.out());
        assertThat(advice.path("database").asText()).isEqualTo(shop.database());
        JsonNode best = advice.path("candidates").get(0);
        List<String> fields = new ArrayList<>();
        best.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("table", "columns", "definition", "reason", "queries", "costBefore",
                "costAfter", "benefit", "estimatedSizeBytes", "writeCost", "evaluatedWith");
        assertThat(best.path("table").asText()).isEqualTo("public.orders");
        assertThat(best.path("columns").get(0).asText()).isEqualTo("customer_id");
        assertThat(best.path("definition").asText()).startsWith("CREATE INDEX CONCURRENTLY").endsWith("(customer_id)");
        assertThat(best.path("evaluatedWith").asText()).isEqualTo("sandbox");
        assertThat(best.path("benefit").asDouble()).isPositive();
        assertThat(best.path("costAfter").asDouble()).isLessThan(best.path("costBefore").asDouble() / 10);
        assertThat(best.path("estimatedSizeBytes").asLong()).isPositive();
        JsonNode query = best.path("queries").get(0);
        assertThat(query.path("fingerprint").asText()).matches("[0-9a-f]{16}");
        assertThat(query.path("sample").asText()).startsWith("SELECT id, status, created_at FROM orders WHERE customer_id = ");
        assertThat(query.path("callsPerDay").asDouble()).as("2,000 calls over one day").isEqualTo(2000.0);
        assertThat(advised.err()).contains("HypoPG");
    }

    @Test
    void unusedDuplicateAndRedundantIndexesAreListedWithTheirSize() throws Exception {
        JsonNode advice = JSON.readTree(advised.out());
        assertThat(names(advice.path("unused"))).contains("public.orders_note_idx").doesNotContain("public.orders_pkey");
        assertThat(names(advice.path("duplicate"))).containsExactly("public.orders_region_idx");
        assertThat(advice.path("duplicate").get(0).path("coveredBy").asText()).isEqualTo("orders_region_copy_idx");
        assertThat(names(advice.path("redundant"))).contains("public.orders_region_idx");
        for (String list : List.of("unused", "duplicate", "redundant")) {
            advice.path(list).forEach(f -> assertThat(f.path("sizeBytes").asLong()).as(list).isGreaterThan(1_000_000));
        }
    }

    @Test
    void anInstanceThatIsNotThereOrNotPostgresIsRefusedWithWhatToDo() {
        CliHarness.Result missing = cli.run("index", "advise", "--instance", "nope", "--json");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(missing.err()).contains("No instance 'nope'").contains("fleet list");
    }

    private static List<String> names(JsonNode findings) {
        List<String> out = new ArrayList<>();
        findings.forEach(f -> out.add(f.path("index").asText()));
        return out;
    }
}
