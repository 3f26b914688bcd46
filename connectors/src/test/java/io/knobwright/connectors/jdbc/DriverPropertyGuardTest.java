package io.knobwright.connectors.jdbc;

import io.knobwright.connectors.ConnectorException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriverPropertyGuardTest {

    private final DriverPropertyGuard guard = new DriverPropertyGuard("Test", List.of(
            new DriverPropertyGuard.Refused("socketFactory", "load a class", false),
            new DriverPropertyGuard.Refused("allowLocalInfile", "read local files", true)));

    @Test
    void refusesADeniedPropertyWhateverItsCase() {
        assertThatThrownBy(() -> guard.check(JdbcUrl.parse("jdbc:x://h/d?SocketFACTORY=a.B", 1)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("sets SocketFACTORY (it would load a class)");
    }

    @Test
    void switchingAHarmlessWhenFalsePropertyOffPasses() {
        assertThatCode(() -> guard.check(JdbcUrl.parse("jdbc:x://h/d?allowLocalInfile=FALSE&sslMode=trust", 1)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(JdbcUrl.parse("jdbc:x://h/d?allowLocalInfile=1", 1)))
                .hasMessageContaining("allowLocalInfile (it would read local files)");
    }
}
