package io.knobwright.connectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionTargetTest {

    @Test
    void printedFormShowsNoPasswordNeitherTheOneGivenNorOneInTheUrl() {
        ConnectionTarget target = new ConnectionTarget("jdbc:postgresql://db1/sales?password=url-secret", "dba", "given-secret");

        assertThat(target.toString())
                .isEqualTo("ConnectionTarget[jdbc:postgresql://db1/sales?password=***, user=dba, password=***]")
                .doesNotContain("url-secret", "given-secret");
    }

    @Test
    void somethingThatIsNotAJdbcUrlIsRefused() {
        assertThatThrownBy(() -> new ConnectionTarget("postgresql://db1/sales", "dba", null))
                .hasMessage("A JDBC URL must start with 'jdbc:', got: postgresql://db1/sales");
    }
}
