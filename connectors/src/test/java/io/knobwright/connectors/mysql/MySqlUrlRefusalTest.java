package io.knobwright.connectors.mysql;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MySqlUrlRefusalTest {

    /** Nothing was contacted, so it is the user's input that is wrong (exit 1), not an unreachable server (3). */
    @Test
    void urlWithAPortThatIsNoNumberIsRefusedAsInputNamingThePort() {
        ConnectionTarget target = new ConnectionTarget("jdbc:mariadb://db1:threethreezerosix/?password=s3cret", "app", null);

        assertThatThrownBy(() -> new MySqlConnector().probe(target))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessage("The MariaDB driver cannot read the JDBC URL 'jdbc:mariadb://db1:threethreezerosix/?password=***':"
                        + " Incorrect port value : threethreezerosix. Nothing was contacted; correct the URL"
                        + " (e.g. jdbc:mariadb://host:3306/mysql).");
    }

    /** The driver reads "root:PW1@127.0.0.1" as host "root" and port "PW1@127.0.0.1" and said so. */
    @Test
    void userInfoPasswordIsTakenOutBeforeTheDriverCanQuoteIt() {
        ConnectionTarget target = new ConnectionTarget("jdbc:mysql://root:PW1@127.0.0.1:notaport/test", null, null);

        assertThatThrownBy(() -> new MySqlConnector().probe(target))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessageNotContaining("PW1")
                .hasMessageContaining("'jdbc:mysql://root:***@127.0.0.1:notaport/test'")
                .hasMessageContaining("Incorrect port value : notaport");
    }

    @Test
    void urlOfAnotherEngineIsRefusedAsInput() {
        ConnectionTarget target = new ConnectionTarget("jdbc:postgresql://db1/x?password=s3cret", "dba", null);

        assertThatThrownBy(() -> new MySqlConnector().probe(target))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessageStartingWith("Not a MariaDB or MySQL JDBC URL: 'jdbc:postgresql://db1/x?password=***'");
    }
}
