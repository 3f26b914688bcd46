package io.knobwright.model.fleet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlSecretsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://h:5432/db?password=Pw_1                 | jdbc:postgresql://h:5432/db                  | Pw_1
            jdbc:postgresql://h:5432/db?password=Pw_1&ssl=true        | jdbc:postgresql://h:5432/db?ssl=true         | Pw_1
            jdbc:postgresql://h:5432/db?ssl=true&password=Pw_1        | jdbc:postgresql://h:5432/db?ssl=true         | Pw_1
            jdbc:postgresql://h/db?ssl=true&password=Pw_1&user=u      | jdbc:postgresql://h/db?ssl=true&user=u       | Pw_1
            jdbc:mariadb://h:3306/db?PASSWORD=Up_2                    | jdbc:mariadb://h:3306/db                     | Up_2
            jdbc:mariadb://h:3306/db?pass%77ord=Enc_3                 | jdbc:mariadb://h:3306/db                     | Enc_3
            jdbc:postgresql://h/db?password=p%40ss+word               | jdbc:postgresql://h/db                       | p@ss word
            jdbc:mariadb://h/db?password=p%40ss                       | jdbc:mariadb://h/db                          | p%40ss
            jdbc:postgresql://h/db?password=Space Pw_555              | jdbc:postgresql://h/db                       | Space Pw_555
            jdbc:postgresql://app:Pw%2F4@h:5432/db                    | jdbc:postgresql://h:5432/db                  | Pw/4
            jdbc:mysql://root:PW1@127.0.0.1:3306/test                 | jdbc:mysql://127.0.0.1:3306/test             | PW1
            jdbc:mysql://root:p@ss@127.0.0.1/test?password2=x         | jdbc:mysql://127.0.0.1/test?password2=x      | p@ss
            jdbc:postgresql://h/db?password=Pa_7&b=c;d                | jdbc:postgresql://h/db?b=c;d                 | Pa_7
            """)
    void takesTheLoginPasswordOutOfTheUrl(String url, String clean, String password) {
        JdbcUrlSecrets secrets = JdbcUrlSecrets.split(url);

        assertThat(secrets.url()).isEqualTo(clean);
        assertThat(secrets.password()).isEqualTo(password);
        assertThat(secrets.passwords()).isEqualTo(1);
        assertThat(JdbcUrlSecrets.mask(url)).contains("***").doesNotContain(password);
    }

    @Test
    void userInfoGivesTheUserToo() {
        assertThat(JdbcUrlSecrets.split("jdbc:postgresql://app%2Dro:x@h/db").user()).isEqualTo("app-ro");
        assertThat(JdbcUrlSecrets.split("jdbc:postgresql://h/db?password=x").user()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://h/db?sslpassword=K3y                                | sslpassword
            jdbc:mariadb://h/db?keyStorePassword=K3y&trustStorePassword=T         | keyStorePassword, trustStorePassword
            jdbc:mysql://address=(host=h)(port=3306)(password=K3y)/db             | password
            jdbc:postgresql://h/db;password=K3y                                   | password
            jdbc:mysql://h/db?password1=K3y                                       | password1
            """)
    void otherSecretsAreNamedAndMasked(String url, String names) {
        JdbcUrlSecrets secrets = JdbcUrlSecrets.split(url);

        assertThat(String.join(", ", secrets.otherSecrets())).isEqualTo(names);
        assertThat(secrets.password()).isNull();
        assertThat(secrets.carriesSecrets()).isTrue();
        assertThat(JdbcUrlSecrets.mask(url)).doesNotContain("K3y");
    }

    @Test
    void urlsWithoutSecretsStayAsTheyAre() {
        for (String url : new String[] {"jdbc:postgresql://h:5432/db", "jdbc:postgresql://h/a@b?user=x@corp",
                "jdbc:mariadb://address=(host=h)(port=3306)/db", "jdbc:postgresql:db", "jdbc:postgresql://h/db?user=u@x"}) {
            JdbcUrlSecrets secrets = JdbcUrlSecrets.split(url);
            assertThat(secrets.url()).as(url).isEqualTo(url);
            assertThat(secrets.carriesSecrets()).as(url).isFalse();
            assertThat(JdbcUrlSecrets.mask(url)).isEqualTo(url);
        }
    }

    @Test
    void aPasswordGivenTwiceIsCounted() {
        JdbcUrlSecrets secrets = JdbcUrlSecrets.split("jdbc:mariadb://u:one@h/db?password=two&password=three");

        assertThat(secrets.passwords()).isEqualTo(3);
        assertThat(secrets.url()).isEqualTo("jdbc:mariadb://h/db");
    }

    @Test
    void emptyPasswordIsNoPassword() {
        assertThat(JdbcUrlSecrets.split("jdbc:postgresql://h/db?password=&ssl=true").password()).isNull();
    }

    @Test
    void scrubRemovesTheUrlAndEveryFragmentADriverMightQuote() {
        String url = "jdbc:mariadb://root:PW1@127.0.0.1/db?password=p%40ss&keyStorePassword=K3y_9";

        assertThat(JdbcUrlSecrets.scrub("Incorrect port value : PW1@127.0.0.1; url " + url + "; p%40ss p@ss K3y_9", url))
                .isEqualTo("Incorrect port value : ***@127.0.0.1; url jdbc:mariadb://root:***@127.0.0.1/db?password=***"
                        + "&keyStorePassword=***; *** *** ***");
        assertThat(JdbcUrlSecrets.scrub(null, url)).isNull();
        assertThat(JdbcUrlSecrets.scrub("text", null)).isEqualTo("text");
        assertThat(JdbcUrlSecrets.mask(null)).isNull();
    }
}
