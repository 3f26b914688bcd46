package io.knobwright.connectors.jdbc;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.DriverPropertyGuard.Phase;
import io.knobwright.connectors.jdbc.DriverPropertyGuard.Timeout;
import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriverPropertyGuardTest {

    private static final ConnectorTimeouts LIMITS = new ConnectorTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));

    private final DriverPropertyGuard guard = new DriverPropertyGuard("Test", List.of(
            new DriverPropertyGuard.Refused("socketFactory", "load a class", false),
            new DriverPropertyGuard.Refused("allowLocalInfile", "read local files", true)),
            List.of(new Timeout("connectTimeout", ChronoUnit.MILLIS, Phase.CONNECT),
                    new Timeout("socketTimeout", ChronoUnit.SECONDS, Phase.QUERY)));

    @Test
    void refusesADeniedPropertyWhateverItsCase() {
        assertThatThrownBy(() -> guard.check(JdbcUrl.parse("jdbc:x://h/d?SocketFACTORY=a.B", 1), LIMITS))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("sets SocketFACTORY (it would load a class)");
    }

    @Test
    void switchingAHarmlessWhenFalsePropertyOffPasses() {
        assertThatCode(() -> guard.check(JdbcUrl.parse("jdbc:x://h/d?allowLocalInfile=FALSE&sslMode=trust", 1), LIMITS))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(JdbcUrl.parse("jdbc:x://h/d?allowLocalInfile=1", 1), LIMITS))
                .hasMessageContaining("allowLocalInfile (it would read local files)");
    }

    @Test
    void timeoutsSwitchedOffOrLengthenedByTheUrlAreRefusedAsInput() {
        assertThatThrownBy(() -> guard.check(JdbcUrl.parse("jdbc:x://h/d?connectTimeout=0&SOCKETTIMEOUT=0", 1), LIMITS))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessageContaining("connectTimeout=0 (it would switch off the time limit for connecting)")
                .hasMessageContaining("SOCKETTIMEOUT=0 (it would switch off the time limit for each answer)")
                .hasMessageContaining("Knobwright waits at most 5 s to connect and 30 s for each answer");
        assertThatThrownBy(() -> guard.check(JdbcUrl.parse("jdbc:x://h/d?connectTimeout=600000", 1), LIMITS))
                .hasMessageContaining("connectTimeout=600000 (it would lengthen the time limit for connecting)");
        assertThatThrownBy(() -> guard.check(JdbcUrl.parse("jdbc:x://h/d?socketTimeout=-1", 1), LIMITS))
                .hasMessageContaining("socketTimeout=-1 (it would switch off");
        assertThatThrownBy(() -> guard.check(JdbcUrl.parse("jdbc:x://h/d?socketTimeout=soon", 1), LIMITS))
                .hasMessageContaining("socketTimeout=soon");
    }

    @Test
    void shorterTimeoutsFromTheUrlAreTheOnesInForce() {
        ConnectorTimeouts inForce = guard.check(JdbcUrl.parse("jdbc:x://h/d?connectTimeout=2000&socketTimeout=10", 1), LIMITS);

        assertThat(inForce).isEqualTo(new ConnectorTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)));
        assertThat(guard.check(JdbcUrl.parse("jdbc:x://h/d", 1), LIMITS)).isEqualTo(LIMITS);
    }
}
