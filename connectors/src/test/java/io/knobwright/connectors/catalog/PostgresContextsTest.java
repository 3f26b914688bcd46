package io.knobwright.connectors.catalog;

import io.knobwright.model.catalog.ApplyMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresContextsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "internal, READ_ONLY",
            "postmaster, RESTART",
            "sighup, RELOAD",
            "superuser-backend, NEW_SESSIONS",
            "backend, NEW_SESSIONS",
            "superuser, ONLINE",
            "user, ONLINE"
    })
    void everyPgSettingsContextTellsWhatAChangeNeeds(String context, ApplyMode expected) {
        assertThat(PostgresContexts.applyMode(context)).isEqualTo(expected);
    }

    @Test
    void refusesAContextItDoesNotKnowInsteadOfGuessing() {
        assertThatThrownBy(() -> PostgresContexts.applyMode("session"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'session'")
                .hasMessageContaining("Update Knobwright");
    }
}
