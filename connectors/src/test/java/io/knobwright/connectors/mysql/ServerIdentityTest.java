package io.knobwright.connectors.mysql;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerIdentityTest {

    @Test
    void mariaDbIsRecognisedFromItsVersionString() {
        assertThat(ServerIdentity.of("10.11.19-MariaDB-0+deb12u1", "Debian 12").version())
                .isEqualTo(new EngineVersion(Engine.MARIADB, "10.11"));
    }

    @Test
    void mariaDbIsRecognisedFromTheCommentAloneAndLosesTheOldClientPrefix() {
        assertThat(ServerIdentity.of("5.5.5-11.4.5", "mariadb.org binary distribution").version())
                .isEqualTo(new EngineVersion(Engine.MARIADB, "11.4"));
    }

    @Test
    void anythingElseIsMySql() {
        ServerIdentity identity = ServerIdentity.of("8.0.36", "MySQL Community Server - GPL");

        assertThat(identity.version()).isEqualTo(new EngineVersion(Engine.MYSQL, "8.0"));
        assertThat(identity.fullVersion()).isEqualTo("8.0.36");
        assertThat(ServerIdentity.of("8.4.3-3", "Percona Server (GPL), Release 3").version().engine()).isEqualTo(Engine.MYSQL);
    }
}
