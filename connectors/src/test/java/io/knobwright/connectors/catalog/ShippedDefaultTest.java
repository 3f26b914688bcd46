package io.knobwright.connectors.catalog;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedDefaultTest {

    @Test
    void aDefaultMarkedAsTheHostsIsNotComparedWithAnotherServers() {
        ParameterSpec socket = spec("unix_socket_directories", "/tmp", "the distribution's build");

        assertThat(ShippedDefault.difference(socket, "/var/run/postgresql")).isEmpty();
    }

    @Test
    void anUnmarkedDefaultThatDiffersIsReportedWithBothValues() {
        ParameterSpec workMem = spec("work_mem", "4096", null);

        assertThat(ShippedDefault.difference(workMem, "8192"))
                .contains("work_mem: default is '4096' in the catalog, '8192' on the server");
        assertThat(ShippedDefault.difference(workMem, null))
                .contains("work_mem: default is '4096' in the catalog, none on the server");
        assertThat(ShippedDefault.difference(workMem, "4096")).isEmpty();
    }

    private static ParameterSpec spec(String name, String defaultValue, String dependsOn) {
        return new ParameterSpec(Engine.POSTGRESQL, "15", name, ParameterType.STRING, null, null, null, List.of(),
                defaultValue, ApplyMode.RESTART, "", "", "test", dependsOn);
    }
}
