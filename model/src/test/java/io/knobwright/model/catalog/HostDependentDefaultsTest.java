package io.knobwright.model.catalog;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostDependentDefaultsTest {

    @Test
    void marksTheGeneratingHostsNameAndLeavesFactsOfTheVersionAlone() {
        ParameterCatalog read = mariadb("11.4", spec(Engine.MARIADB, "11.4", "wsrep_node_name", "vm"),
                spec(Engine.MARIADB, "11.4", "max_connections", "151"));

        ParameterCatalog marked = HostDependentDefaults.mark(read);

        assertThat(marked.find("wsrep_node_name").orElseThrow().defaultDependsOn()).isEqualTo("the host name");
        assertThat(marked.find("wsrep_node_name").orElseThrow().defaultValue()).isEqualTo("vm");
        assertThat(marked.find("max_connections").orElseThrow().defaultIsHostDependent()).isFalse();
        assertThat(marked.origin()).isEqualTo(read.origin());
    }

    @Test
    void aMarkCanHoldForOneVersionOnly() {
        assertThat(HostDependentDefaults.dependsOn(Engine.MYSQL, "8.4", "temptable_max_ram")).contains("the host's memory");
        assertThat(HostDependentDefaults.dependsOn(Engine.MYSQL, "8.0", "temptable_max_ram")).isEmpty();
    }

    @Test
    void namesAreLookedUpTheWayTheEngineSpellsThem() {
        assertThat(HostDependentDefaults.dependsOn(Engine.MARIADB, "10.11", "Thread-Pool-Size")).contains("the CPU count");
    }

    @Test
    void keepsAMarkTheTableDoesNotKnow() {
        ParameterSpec own = new ParameterSpec(Engine.POSTGRESQL, "16", "my_setting", ParameterType.STRING, null, null,
                null, List.of(), "x", ApplyMode.ONLINE, "", "", "test", "the moon");
        ParameterCatalog catalog = new ParameterCatalog(new EngineVersion(Engine.POSTGRESQL, "16"), "test", List.of(own));

        assertThat(HostDependentDefaults.mark(catalog).find("my_setting").orElseThrow().defaultDependsOn())
                .isEqualTo("the moon");
    }

    private static ParameterCatalog mariadb(String version, ParameterSpec... specs) {
        return new ParameterCatalog(new EngineVersion(Engine.MARIADB, version), "a server", List.of(specs));
    }

    private static ParameterSpec spec(Engine engine, String version, String name, String defaultValue) {
        return new ParameterSpec(engine, version, name, ParameterType.STRING, null, null, null, List.of(), defaultValue,
                ApplyMode.ONLINE, "", "", "test");
    }
}
