package io.knobwright.connectors.jdbc;

import io.knobwright.model.fleet.JdbcUrlSecrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** URLs as people mistype them: the parts Knobwright shows in messages still come out readable. */
class JdbcUrlOddFormsTest {

    @Test
    void urlWithSlashesButNoHostMeansLocalhost() {
        assertThat(JdbcUrl.parse("jdbc:mariadb:///shop", 3306).endpoints()).containsExactly("localhost:3306");
    }

    @Test
    void urlWithoutPathNamesNoDatabase() {
        JdbcUrl url = JdbcUrl.parse("jdbc:mariadb://db1:3307?sslMode=trust", 3306);

        assertThat(url.endpoints()).containsExactly("db1:3307");
        assertThat(url.database()).isEmpty();
    }

    @Test
    void unclosedIpv6BracketIsShownAsTyped() {
        assertThat(JdbcUrl.parse("jdbc:postgresql://[::1/postgres", 5432).endpoints()).containsExactly("[::1");
    }

    @Test
    void brokenPercentEscapeIsKeptAsTyped() {
        assertThat(JdbcUrl.parse("jdbc:postgresql://h/db?ApplicationName=100%25%zz", 5432).parameters())
                .containsExactly(new JdbcUrl.Parameter("ApplicationName", "100%25%zz"));
    }

    @Test
    void noUrlRedactsToNoUrl() {
        assertThat(JdbcUrlSecrets.mask(null)).isNull();
    }
}
