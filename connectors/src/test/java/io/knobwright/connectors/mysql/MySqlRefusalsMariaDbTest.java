package io.knobwright.connectors.mysql;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.LocalServices;
import io.knobwright.connectors.catalog.CatalogGenerator;
import io.knobwright.connectors.catalog.MariaDbCatalogReader;
import io.knobwright.connectors.catalog.PostgresCatalogReader;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static io.knobwright.connectors.mysql.ThrowawayMariaDbUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the machine's MariaDB 10.11 says when it refuses a throwaway account, as the user reads it. */
class MySqlRefusalsMariaDbTest {

    private final MySqlConnector connector = new MySqlConnector();

    @BeforeAll
    static void serviceIsUp() {
        LocalServices.requireMariaDb();
    }

    @Test
    void userWithoutAccessToTheDatabaseInTheUrlIsToldToDropItOrGetAGrant() throws Exception {
        ThrowawayMariaDbUsers.withUser(user -> {
            assertThatThrownBy(() -> connector.probe(new ConnectionTarget("jdbc:mariadb://127.0.0.1:3306/mysql", user, PASSWORD)))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessage("MariaDB at 127.0.0.1:3306 lets user '" + user + "' in but not into database 'mysql': grant"
                            + " access, or remove the database from the JDBC URL.");
            // without a database the same account gets in
            assertThat(connector.probe(new ConnectionTarget("jdbc:mariadb://127.0.0.1:3306/", user, PASSWORD)).version().engine())
                    .isEqualTo(Engine.MARIADB);
        });
    }

    @Test
    void userAtItsConnectionLimitIsToldSo() throws Exception {
        ThrowawayMariaDbUsers.withUser("WITH MAX_USER_CONNECTIONS 1", user -> {
            String url = "jdbc:mariadb://127.0.0.1:3306/";
            try (Connection held = DriverManager.getConnection(url, user, PASSWORD)) {
                assertThatThrownBy(() -> connector.readSettings(new ConnectionTarget(url, user, PASSWORD)))
                        .isInstanceOf(ConnectorException.class)
                        .hasMessage("MariaDB at 127.0.0.1:3306 allows user '" + user + "' no more connections (a per-user limit"
                                + " such as MAX_USER_CONNECTIONS is reached): close some of its sessions, or ask for a higher limit.");
            }
        });
    }

    @Test
    void catalogGenerationReadsTheMariaDbServerBehindTheUrl() {
        CatalogGenerator generator = CatalogGenerator.withReaders(
                List.of(new PostgresCatalogReader(), MariaDbCatalogReader.withCuratedTables()));

        ParameterCatalog catalog = generator.generate(LocalServices.MARIADB_URL, "root", "");

        assertThat(catalog.engineVersion().engine()).isEqualTo(Engine.MARIADB);
        assertThat(catalog.engineVersion().major()).isEqualTo("10.11");
        assertThat(catalog.find("innodb_buffer_pool_size")).hasValueSatisfying(spec -> assertThat(spec.unit()).isNotNull());
    }

    @Test
    void catalogGenerationRefusedByTheServerNamesTheUrlWithoutItsPassword() throws Exception {
        CatalogGenerator generator = CatalogGenerator.withReaders(List.of(MariaDbCatalogReader.withCuratedTables()));
        ThrowawayMariaDbUsers.withUser(user ->
                assertThatThrownBy(() -> generator.generate("jdbc:mariadb://127.0.0.1:3306/mysql?password=" + PASSWORD, user, PASSWORD))
                        .isInstanceOf(ConnectorException.class)
                        .hasMessageStartingWith("Cannot connect to jdbc:mariadb://127.0.0.1:3306/mysql?password=***."
                                + " Check the URL, user and password. (")
                        .hasMessageNotContaining(PASSWORD));
    }
}
