package io.knobwright.connectors.catalog;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shipped MariaDB catalog must say what the server says, defaults included except those the catalog marks as
 * depending on the host or the build (ShippedDefault). Runs against the local service (10.11): if this
 * fails after a MariaDB package update, regenerate the catalog (docs/catalogs-mariadb.md) and review the diff.
 * Pointed at another server with -Dknobwright.mariadb.url, it checks that server's major instead.
 */
class MariaDbCatalogMatchesLiveServerTest {

    private static ParameterCatalog live;
    private static ParameterCatalog shipped;

    @BeforeAll
    static void readBoth() throws Exception {
        try (Connection c = LocalMariaDb.connect()) {
            live = MariaDbCatalogReader.withCuratedTables().read(c);
        }
        Optional<ParameterCatalog> found = new CatalogRepository().find(live.engineVersion());
        boolean isTheLocalService = live.engineVersion().major().equals("10.11");
        assumeTrue(isTheLocalService || found.isPresent(),
                "The server at " + LocalMariaDb.URL + " is " + live.origin() + ": no shipped catalog to compare with");
        shipped = found.orElseThrow(() -> new AssertionError("No shipped catalog for " + live.engineVersion()
                + ": generate it with -Dknobwright.regenerateCatalogs=true (docs/catalogs-mariadb.md)"));
    }

    @Test
    void shipsExactlyTheVariablesTheServerKnows() {
        TreeSet<String> missing = names(live);
        missing.removeAll(names(shipped));
        TreeSet<String> extra = names(shipped);
        extra.removeAll(names(live));
        assertThat(missing).as("variables the server (%s) has but the shipped catalog lacks", live.origin()).isEmpty();
        assertThat(extra).as("variables in the shipped catalog the server (%s) does not know", live.origin()).isEmpty();
    }

    @Test
    void everyVariableHasTheServersTypeLimitsChoicesApplyModeAndDefault() {
        List<String> differences = new ArrayList<>();
        for (ParameterSpec server : live.parameters()) {
            shipped.find(server.name()).ifPresent(file -> {
                compare(differences, server.name(), "type", file.type(), server.type());
                compare(differences, server.name(), "min", plain(file.min()), plain(server.min()));
                compare(differences, server.name(), "max", plain(file.max()), plain(server.max()));
                compare(differences, server.name(), "enum values", file.enumValues(), server.enumValues());
                compare(differences, server.name(), "apply mode", file.applyMode(), server.applyMode());
                ShippedDefault.difference(file, server.defaultValue()).ifPresent(differences::add);
            });
        }
        assertThat(differences).as("shipped %s vs %s", shipped.origin(), live.origin()).isEmpty();
    }

    private static void compare(List<String> out, String name, String what, Object inFile, Object onServer) {
        if (!Objects.equals(inFile, onServer)) {
            out.add(name + ": " + what + " is " + inFile + " in the catalog but " + onServer + " on the server");
        }
    }

    private static String plain(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().toPlainString();
    }

    private static TreeSet<String> names(ParameterCatalog catalog) {
        TreeSet<String> names = new TreeSet<>();
        catalog.parameters().forEach(p -> names.add(p.name()));
        return names;
    }
}
