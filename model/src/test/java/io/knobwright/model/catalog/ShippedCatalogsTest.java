package io.knobwright.model.catalog;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every engine version Knobwright claims to support ships a catalog that a validator can rely on. Iterates over
 * whatever {@link Engine#supportedVersions()} lists, so a version added there without its file fails here.
 */
class ShippedCatalogsTest {

    private static final CatalogRepository REPOSITORY = new CatalogRepository();

    static Stream<EngineVersion> supportedVersions() {
        return Arrays.stream(Engine.values())
                .flatMap(e -> e.supportedVersions().stream().map(v -> new EngineVersion(e, v)));
    }

    private static ParameterCatalog load(EngineVersion version) {
        return REPOSITORY.find(version).orElseThrow(() -> new AssertionError(
                "No catalog file " + CatalogFile.resourcePath(version) + " for " + version
                        + ", which Engine lists as supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportedVersions")
    void loadsWithAtLeastFortyParametersForTheRightEngineAndVersion(EngineVersion version) {
        ParameterCatalog catalog = load(version);
        assertThat(catalog.engineVersion()).isEqualTo(version);
        assertThat(catalog.size()).as("parameters in %s", version).isGreaterThanOrEqualTo(40);
        assertThat(catalog.origin()).as("origin of %s", version).isNotBlank();
        assertThat(catalog.parameters()).allSatisfy(p -> {
            assertThat(p.engine()).isEqualTo(version.engine());
            assertThat(p.version()).isEqualTo(version.major());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportedVersions")
    void namesAreUniqueIgnoringCase(EngineVersion version) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = load(version).parameters().stream().map(p -> p.name().toLowerCase(Locale.ROOT))
                .filter(n -> !seen.add(n)).toList();
        assertThat(duplicates).as("duplicate names in %s", version).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportedVersions")
    void numericDefaultsLieWithinTheirRange(EngineVersion version) {
        List<String> problems = new ArrayList<>();
        for (ParameterSpec p : load(version).parameters()) {
            if (p.min() != null && p.max() != null && p.min().compareTo(p.max()) > 0) {
                problems.add(p.name() + ": min " + p.min() + " > max " + p.max());
            }
            BigDecimal d = numericDefault(p);
            if (d == null) {
                continue;
            }
            if (p.min() != null && d.compareTo(p.min()) < 0 || p.max() != null && d.compareTo(p.max()) > 0) {
                problems.add(p.name() + ": default " + p.defaultValue() + " outside [" + p.min() + ", " + p.max() + "]");
            }
        }
        assertThat(problems).as("range problems in %s", version).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportedVersions")
    void enumParametersListTheirChoicesAndTheirDefaultIsOneOfThem(EngineVersion version) {
        List<String> problems = new ArrayList<>();
        for (ParameterSpec p : load(version).parameters()) {
            if (p.type() != ParameterType.ENUM) {
                continue;
            }
            if (p.enumValues().isEmpty()) {
                problems.add(p.name() + ": ENUM without choices");
            } else if (p.defaultValue() != null && !p.defaultValue().isEmpty()
                    && p.enumValues().stream().noneMatch(v -> v.equalsIgnoreCase(p.defaultValue()))) {
                problems.add(p.name() + ": default '" + p.defaultValue() + "' not in " + p.enumValues());
            }
        }
        assertThat(problems).as("enum problems in %s", version).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportedVersions")
    void everyEntrySaysWhereItComesFromAndCuratedOnesLinkTheVendorDocs(EngineVersion version) {
        ParameterCatalog catalog = load(version);
        boolean curated = catalog.origin().toLowerCase(Locale.ROOT).contains("curated");
        List<String> unsourced = catalog.parameters().stream()
                .filter(p -> p.source().isBlank() || curated && !p.source().startsWith("https://"))
                .map(ParameterSpec::name).toList();
        assertThat(unsourced).as("entries of %s without a %s source", version, curated ? "documentation" : "")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportedVersions")
    void marksExactlyTheDefaultsTheTableSaysDependOnTheHostOrTheBuild(EngineVersion version) {
        Map<String, String> table = HostDependentDefaults.of(version.engine(), version.major());
        List<String> problems = new ArrayList<>();
        for (ParameterSpec p : load(version).parameters()) {
            String expected = table.get(ParameterCatalog.canonicalName(p.name()));
            if (!Objects.equals(expected, p.defaultDependsOn())) {
                problems.add(p.name() + ": marked '" + p.defaultDependsOn() + "', the table says '" + expected + "'");
            }
        }
        assertThat(problems).as("host-dependent marks in %s (regenerate or re-mark the file)", version).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void everyHostDependentDefaultNamesAParameterOfAShippedCatalog(Engine engine) {
        Set<String> known = new HashSet<>();
        engine.supportedVersions().forEach(v -> load(new EngineVersion(engine, v)).parameters()
                .forEach(p -> known.add(ParameterCatalog.canonicalName(p.name()))));
        Set<String> listed = new HashSet<>();
        engine.supportedVersions().forEach(v -> listed.addAll(HostDependentDefaults.of(engine, v).keySet()));
        listed.removeAll(known);
        assertThat(listed).as("names in HostDependentDefaults no %s catalog knows", engine).isEmpty();
    }

    static Stream<Engine> engines() {
        return Arrays.stream(Engine.values());
    }

    /** The default as a number when the type is numeric and the default is a plain number ("-1", "0.5"). */
    private static BigDecimal numericDefault(ParameterSpec p) {
        if (p.type() != ParameterType.INTEGER && p.type() != ParameterType.REAL || p.defaultValue() == null) {
            return null;
        }
        try {
            return new BigDecimal(p.defaultValue().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
