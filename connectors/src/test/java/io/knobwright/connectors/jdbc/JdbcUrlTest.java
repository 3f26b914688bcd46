package io.knobwright.connectors.jdbc;

import io.knobwright.model.fleet.JdbcUrlSecrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlTest {

    @Test
    void fillsInTheDefaultPortAndReadsDatabaseAndParameters() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db1.example.com/sales?sslmode=require&ApplicationName=a%20b", 5432);

        assertThat(url.endpoint()).isEqualTo("db1.example.com:5432");
        assertThat(url.database()).isEqualTo("sales");
        assertThat(url.parameters()).containsExactly(
                new JdbcUrl.Parameter("sslmode", "require"), new JdbcUrl.Parameter("ApplicationName", "a b"));
    }

    @Test
    void readsEveryHostOfAMultiHostUrl() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://a:5433,b,[::1]:6000/db?targetServerType=primary", 5432);

        assertThat(url.endpoints()).containsExactly("a:5433", "b:5432", "[::1]:6000");
        assertThat(url.endpoint()).isEqualTo("a:5433, b:5432, [::1]:6000");
    }

    @Test
    void readsMariaDbAddressFormAndHighAvailabilityPrefix() {
        JdbcUrl url = JdbcUrl.parse("jdbc:mariadb:replication://address=(host=p1)(port=3307)(type=primary),address=(host=r1)(type=replica)/shop", 3306);

        assertThat(url.endpoints()).containsExactly("p1:3307", "r1:3306");
        assertThat(url.database()).isEqualTo("shop");
    }

    @Test
    void urlWithoutHostMeansLocalhost() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql:inventory?user=x", 5432);

        assertThat(url.endpoint()).isEqualTo("localhost:5432");
        assertThat(url.database()).isEqualTo("inventory");
    }

    @Test
    void decodesPercentEscapedParameterNamesSoTheyCannotHideFromTheGuard() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://h/db?socket%46actory=x&flag", 5432);

        assertThat(url.parameters()).containsExactly(new JdbcUrl.Parameter("socketFactory", "x"), new JdbcUrl.Parameter("flag", ""));
    }

    @Test
    void redactsPasswordsInParametersAndUserInfo() {
        assertThat(JdbcUrlSecrets.mask("jdbc:postgresql://h/db?user=u&password=s3cret&sslpassword=k3y&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&sslpassword=***&ssl=true");
        assertThat(JdbcUrlSecrets.mask("jdbc:mariadb://h/db?keyStorePassword=abc")).isEqualTo("jdbc:mariadb://h/db?keyStorePassword=***");
        assertThat(JdbcUrlSecrets.mask("jdbc:mysql://app:s3cret@h:3306/db")).isEqualTo("jdbc:mysql://app:***@h:3306/db");
        assertThat(JdbcUrlSecrets.mask("jdbc:postgresql://h:5432/db")).isEqualTo("jdbc:postgresql://h:5432/db");
    }
}
