package io.knobwright.model.fleet.demo;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoFleetTest {

    @Test
    void committedFleetFileIsWhatTheGeneratorWrites() throws IOException {
        String generated = new DemoFleetGenerator().generate();
        if (Boolean.getBoolean("knobwright.regenerateDemoFleet")) {
            Path target = Path.of("../resources/src/main/resources/demo/fleet.json");
            Files.writeString(target, generated, StandardCharsets.UTF_8);
        }
        try (InputStream in = DemoFleet.class.getResourceAsStream(DemoFleet.RESOURCE)) {
            assertThat(in).as("demo/fleet.json on the class path").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .as("regenerate with -Dknobwright.regenerateDemoFleet=true after changing DemoFleetGenerator")
                    .isEqualTo(generated);
        }
    }

    @Test
    void demoFleetIsLargeUniqueInventoryOnlyAndMarkedDemo() {
        List<Instance> fleet = DemoFleet.load();

        assertThat(fleet).hasSizeGreaterThanOrEqualTo(240);
        assertThat(fleet).allSatisfy(i -> {
            assertThat(i.demo()).isTrue();
            assertThat(i.connectable()).isFalse();
            assertThat(i.id()).isZero();
            assertThat(i.tags()).containsKeys("team", "region", "app");
            assertThat(i.hardware().cpus()).isBetween(2, 96);
            assertThat(i.hardware().memoryBytes()).isBetween(4L << 30, 1L << 40);
            assertThat(i.hardware().diskBytes()).isPositive();
        });
        Set<String> names = new HashSet<>();
        fleet.forEach(i -> assertThat(names.add(i.name())).as("unique name " + i.name()).isTrue());
        assertThat(fleet).anySatisfy(i -> assertThat(i.name()).isEqualTo("pg-payments-prod-01"));
    }

    @Test
    void demoFleetCoversEveryCataloguedVersionWeightedTowardsPostgresAndMysql() {
        List<Instance> fleet = DemoFleet.load();

        for (Engine engine : Engine.values()) {
            Set<String> versions = fleet.stream().filter(i -> i.engine() == engine).map(Instance::version)
                    .collect(Collectors.toSet());
            assertThat(versions).as(engine.displayName()).containsExactlyInAnyOrderElementsOf(engine.supportedVersions());
        }
        Map<Engine, Long> perEngine = fleet.stream().collect(Collectors.groupingBy(Instance::engine, Collectors.counting()));
        long postgresAndMysql = perEngine.get(Engine.POSTGRESQL) + perEngine.get(Engine.MYSQL);
        assertThat(postgresAndMysql).isGreaterThan(fleet.size() * 6L / 10);
        assertThat(perEngine.get(Engine.POSTGRESQL)).isGreaterThan(perEngine.get(Engine.MYSQL));
        assertThat(fleet.stream().map(Instance::tier).collect(Collectors.toCollection(() -> EnumSet.noneOf(Tier.class))))
                .containsExactlyInAnyOrder(Tier.values());
        assertThat(fleet.stream().collect(Collectors.toMap(i -> i.hardware().diskType(), i -> 1, Integer::sum)))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(fleet.stream().map(Instance::workload).distinct().count()).isGreaterThanOrEqualTo(4);
        assertThat(fleet.stream().map(i -> i.hardware().cpus()).collect(Collectors.toMap(Function.identity(), c -> 1, Integer::sum)))
                .containsKeys(2, 96);
    }
}
