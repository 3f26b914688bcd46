package io.knobwright.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class DriverLogsTest {

    @AfterEach
    void restore() {
        Logger.getLogger("org.mariadb").setLevel(null);
        Logger.getLogger("org.postgresql").setLevel(null);
    }

    @Test
    void driversAreSilentUnlessDebugging() {
        DriverLogs.configure(false);
        assertThat(Logger.getLogger("org.mariadb.jdbc.client.impl.StandardClient").isLoggable(Level.SEVERE)).isFalse();
        assertThat(Logger.getLogger("org.postgresql.Driver").isLoggable(Level.WARNING)).isFalse();
        assertThat(System.getProperty("mariadb.logging.fallback")).as("MariaDB logs through java.util.logging").isEqualTo("JDK");

        DriverLogs.configure(true);
        assertThat(Logger.getLogger("org.mariadb.jdbc.client.impl.StandardClient").isLoggable(Level.WARNING)).isTrue();
        assertThat(Logger.getLogger("org.postgresql.Driver").isLoggable(Level.FINE)).isTrue();
    }
}
