package io.knobwright.app.fleet;

import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlLoginTest {

    private static Registration registration(String url, String user, String password, String passwordEnv) {
        return new Registration("db1", url, user, password, passwordEnv, null, null, null, null);
    }

    @Test
    void thePasswordOfTheUrlIsTheOneToSealAndTheUrlIsStoredWithoutIt() {
        UrlLogin login = UrlLogin.of("jdbc:mysql://app:Pw_1@db1:3306/shop?useSsl=true",
                registration("jdbc:mysql://app:Pw_1@db1:3306/shop?useSsl=true", null, null, null));

        assertThat(login).isEqualTo(new UrlLogin("jdbc:mysql://db1:3306/shop?useSsl=true", "app", "Pw_1"));
    }

    @Test
    void withoutASecretInTheUrlTheRegistrationsLoginStands() {
        assertThat(UrlLogin.of("jdbc:postgresql://db1/x", registration("jdbc:postgresql://db1/x", " dba ", "Stdin_2", null)))
                .isEqualTo(new UrlLogin("jdbc:postgresql://db1/x", "dba", "Stdin_2"));
    }

    @Test
    void conflictsAndUnsealableSecretsAreUserErrorsThatNeverQuoteTheSecret() {
        assertThatThrownBy(() -> UrlLogin.of("jdbc:postgresql://a:Pw_3@db1/x", registration("", "b", null, null)))
                .isInstanceOf(UserError.class)
                .hasMessage("The JDBC URL 'jdbc:postgresql://a:***@db1/x' names user 'a' but the user given is 'b'. Keep one:"
                        + " remove 'user:password@' from the URL and give the password separately.");
        assertThatThrownBy(() -> UrlLogin.of("jdbc:postgresql://db1/x?password=Pw_4&PASSWORD=Pw_5", registration("", null, null, null)))
                .hasMessageContaining("gives the password more than once").hasMessageNotContaining("Pw_");
        assertThatThrownBy(() -> UrlLogin.of("jdbc:mariadb://db1/x?password=Pw_6", registration("", null, "Pw_7", null)))
                .hasMessage("The JDBC URL 'jdbc:mariadb://db1/x?password=***' contains a password, and another one is given"
                        + " separately. Remove the password from the URL.");
        assertThatThrownBy(() -> UrlLogin.of("jdbc:mariadb://db1/x?keyStorePassword=Pw_8&trustStorePassword=Pw_9",
                registration("", null, null, null)))
                .hasMessage("The JDBC URL 'jdbc:mariadb://db1/x?keyStorePassword=***&trustStorePassword=***' contains"
                        + " keyStorePassword, trustStorePassword, which would be stored in clear text: Knobwright seals only the"
                        + " login password. Remove them from the URL.");
    }
}
