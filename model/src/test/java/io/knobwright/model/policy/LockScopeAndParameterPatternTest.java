package io.knobwright.model.policy;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static io.knobwright.model.policy.PolicyExamples.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a lock applies and which parameters it names, as typed in the CLI and the policy file. */
class LockScopeAndParameterPatternTest {

    private final Instance payments = instance("orders-1", Engine.POSTGRESQL, Tier.PRODUCTION, Criticality.HIGH,
            Map.of("team", "payments", "url", "a=b"));

    @Test
    void everyKindOfScopeIsParsedToItsCanonicalForm() {
        assertThat(LockScope.parse(" ALL ")).isSameAs(LockScope.ALL);
        assertThat(LockScope.parse("engine:Postgres")).isEqualTo(new LockScope(LockScope.Kind.ENGINE, "postgresql"));
        assertThat(LockScope.parse("Tier: Production")).isEqualTo(new LockScope(LockScope.Kind.TIER, "production"));
        assertThat(LockScope.parse("tag:team=payments")).isEqualTo(new LockScope(LockScope.Kind.TAG, "team=payments"));
        assertThat(LockScope.parse("instance:orders-1")).isEqualTo(new LockScope(LockScope.Kind.INSTANCE, "orders-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "engine:mariadb", "tier:staging", "tag:team=payments", "instance:orders-1"})
    void aScopeIsWrittenAsItIsParsed(String text) {
        assertThat(LockScope.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void aScopeThatIsNotOneOfTheKindsSaysWhichThereAre() {
        for (String text : new String[]{null, "", "   ", "payments", ":payments"}) {
            assertThatThrownBy(() -> LockScope.parse(text)).as(String.valueOf(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith("is not one of: all, engine:NAME, tier:NAME, tag:KEY=VALUE, instance:NAME");
        }
        assertThatThrownBy(() -> LockScope.parse("cluster:main"))
                .hasMessage("Scope kind 'cluster' is unknown; use all, engine, tier, tag or instance");
    }

    @Test
    void anUnknownEngineOrTierIsNamed() {
        assertThatThrownBy(() -> LockScope.parse("engine:db2"))
                .hasMessage("Engine 'db2' is unknown; use postgresql, mysql, mariadb, sqlserver or oracle");
        assertThatThrownBy(() -> LockScope.parse("tier:live"))
                .hasMessage("Tier 'live' is unknown; use production, staging, test or development");
    }

    @Test
    void aTagScopeNeedsKeyEqualsValue() {
        assertThatThrownBy(() -> LockScope.parse("tag:payments"))
                .hasMessage("Tag scope 'payments' must be key=value, e.g. tag:team=payments");
        assertThatThrownBy(() -> LockScope.parse("tag:=payments")).hasMessageStartingWith("Tag scope '=payments' must be key=value");
    }

    @Test
    void aScopeOtherThanAllNeedsAValue() {
        assertThatThrownBy(() -> LockScope.parse("instance: "))
                .hasMessage("A lock scope of kind instance needs a value");
        assertThatThrownBy(() -> new LockScope(LockScope.Kind.TAG, null)).hasMessage("A lock scope of kind tag needs a value");
        assertThat(new LockScope(LockScope.Kind.ALL, null)).isEqualTo(LockScope.ALL);
    }

    @Test
    void eachScopeCoversTheInstancesItNames() {
        assertThat(LockScope.ALL.covers("orders-1", payments)).isTrue();
        assertThat(LockScope.parse("engine:postgresql").covers("orders-1", payments)).isTrue();
        assertThat(LockScope.parse("engine:mariadb").covers("orders-1", payments)).isFalse();
        assertThat(LockScope.parse("tier:production").covers("orders-1", payments)).isTrue();
        assertThat(LockScope.parse("tier:staging").covers("orders-1", payments)).isFalse();
        assertThat(LockScope.parse("tag:team=payments").covers("orders-1", payments)).isTrue();
        assertThat(LockScope.parse("tag:team=web").covers("orders-1", payments)).isFalse();
        assertThat(LockScope.parse("tag:owner=payments").covers("orders-1", payments)).isFalse();
        assertThat(LockScope.parse("tag:url=a=b").covers("orders-1", payments)).as("the value may hold '='").isTrue();
        assertThat(LockScope.parse("instance:orders-1").covers("orders-1", payments)).isTrue();
        assertThat(LockScope.parse("instance:orders-2").covers("orders-1", payments)).isFalse();
    }

    @Test
    void anInstanceRemovedFromTheFleetIsCoveredOnlyByAllAndByItsName() {
        assertThat(LockScope.ALL.covers("orders-1", null)).isTrue();
        assertThat(LockScope.parse("instance:orders-1").covers("orders-1", null)).isTrue();
        assertThat(LockScope.parse("engine:postgresql").covers("orders-1", null)).isFalse();
        assertThat(LockScope.parse("tier:production").covers("orders-1", null)).isFalse();
        assertThat(LockScope.parse("tag:team=payments").covers("orders-1", null)).isFalse();
    }

    // ---- ParameterPattern ----

    @Test
    void aNameMatchesWithoutRegardToCase() {
        ParameterPattern fsync = new ParameterPattern(" FSync ");
        assertThat(fsync.text()).isEqualTo("fsync");
        assertThat(fsync.matches("fsync")).isTrue();
        assertThat(fsync.matches("FSYNC")).isTrue();
        assertThat(fsync.matches("fsync_method")).isFalse();
        assertThat(fsync.toString()).isEqualTo("fsync");
    }

    @Test
    void aStarStandsForAnyCharacters() {
        ParameterPattern enable = new ParameterPattern("enable_*");
        assertThat(enable.matches("enable_seqscan")).isTrue();
        assertThat(enable.matches("ENABLE_HASHJOIN")).isTrue();
        assertThat(enable.matches("enable_")).isTrue();
        assertThat(enable.matches("xenable_seqscan")).isFalse();
        assertThat(new ParameterPattern("log_*_statement").matches("log_min_duration_statement")).isTrue();
        assertThat(new ParameterPattern("log_*_statement").matches("log_statement")).isFalse();
        assertThat(new ParameterPattern("*").matches("anything at all")).isTrue();
    }

    @Test
    void regexCharactersInANameAreLiteral() {
        ParameterPattern dotted = new ParameterPattern("auto_explain.log_min_duration");
        assertThat(dotted.matches("auto_explain.log_min_duration")).isTrue();
        assertThat(dotted.matches("auto_explainXlog_min_duration")).isFalse();
        ParameterPattern memory = new ParameterPattern("max server memory (MB)");
        assertThat(memory.matches("max server memory (MB)")).isTrue();
        assertThat(memory.matches("max server memory MB")).isFalse();
        assertThat(new ParameterPattern("fill factor (%)").matches("fill factor (%)")).isTrue();
        assertThat(new ParameterPattern("affinity*I/O mask").matches("affinity64 I/O mask")).isTrue();
    }

    @Test
    void everyCataloguedParameterCanBeLockedByItsName() {
        // was: SQL Server's names with '(', ')', '/' or '%' ("max server memory (MB)") were refused
        CatalogRepository catalogs = new CatalogRepository();
        for (Engine engine : Engine.values()) {
            for (String version : engine.supportedVersions()) {
                for (ParameterSpec spec : catalogs.require(engine, version).parameters()) {
                    assertThat(new ParameterPattern(spec.name()).matches(spec.name())).as(engine + " " + version + " " + spec.name()).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "fsync;", "work_mem?", "$x", "a\nb", "[abc]"})
    void somethingThatIsNotAParameterNameIsRefusedWithAnExample(String text) {
        assertThatThrownBy(() -> new ParameterPattern(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("with * for any characters (e.g. fsync, enable_*)");
    }

    @Test
    void aMissingOrOverlongNameIsRefused() {
        assertThatThrownBy(() -> new ParameterPattern(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParameterPattern("a".repeat(201))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ParameterPattern("a".repeat(200)).text()).hasSize(200);
    }
}
