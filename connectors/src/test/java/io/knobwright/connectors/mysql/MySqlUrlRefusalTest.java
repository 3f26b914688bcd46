package io.knobwright.connectors.mysql;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MySqlUrlRefusalTest {

    @Test
    void urlWithAPortThatIsNoNumberIsRefusedNamingThePort() {
        ConnectionTarget target = new ConnectionTarget("jdbc:mariadb://db1:threethreezerosix/?password=s3cret", "app", null);

        assertThatThrownBy(() -> new MySqlConnector().probe(target))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("MariaDB at db1:threethreezerosix failed: Incorrect port value : threethreezerosix.");
    }
}
