package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.knobwright.model.value.TestSpecs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ParameterValidatorTest {

    private final ParameterValidator postgres = new ParameterValidator(new ParameterCatalog(
            new EngineVersion(Engine.POSTGRESQL, "16"), "test", List.of(SHARED_BUFFERS, WORK_MEM, WAL_BUFFERS,
            pg("temp_buffers", ParameterType.INTEGER, "8kB", 100, 1073741823L), MAX_CONNECTIONS, WAL_LEVEL,
            CHECKPOINT_TIMEOUT, STATEMENT_TIMEOUT)));

    @Test
    void unknownNameSuggestsTheNearestKnownName() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> postgres.validate("shared_buffer", "1GB"));
        assertThat(e.getMessage()).isEqualTo("Unknown parameter 'shared_buffer' for PostgreSQL 16. Did you mean shared_buffers?");
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.UNKNOWN_PARAMETER);
        assertThat(e.suggestions()).containsExactly("shared_buffers");
    }

    @Test
    void severalNearNamesAreSuggestedClosestFirst() {
        assertThat(postgres.suggestionsFor("wal_bufers")).containsExactly("wal_buffers");
        assertThat(postgres.suggestionsFor("work_mme")).containsExactly("work_mem");
        assertThat(postgres.suggestionsFor("tmp_buffers")).first().isEqualTo("temp_buffers");
        assertThat(postgres.suggestionsFor("x_buffers")).contains("wal_buffers");
    }

    @Test
    void unknownNameFarFromEverythingSaysSo() {
        assertThat(postgres.problem("fsync_everything_twice", "on")).contains(
                "Unknown parameter 'fsync_everything_twice' for PostgreSQL 16. Check the spelling; the catalog lists 8 parameters.");
    }

    @Test
    void knownNamesAreFoundWhateverTheCase() {
        assertThat(postgres.validate("Shared_Buffers", "1GB")).isEqualTo(number(131072, SHARED_BUFFERS));
    }

    @Test
    void valuesOfKnownNamesAreValidatedAgainstTheirSpec() {
        assertThat(postgres.problem("shared_buffers", "10TB")).hasValueSatisfying(m ->
                assertThat(m).startsWith("shared_buffers on PostgreSQL 16: 10TB is above the maximum"));
        assertThat(postgres.problem("checkpoint_timeout", "5min")).isEmpty();
    }

    @Test
    void mysqlOptionFileSpellingWithDashesIsKnown() {
        ParameterValidator mysql = new ParameterValidator(new ParameterCatalog(new EngineVersion(Engine.MYSQL, "8.0"),
                "test", List.of(INNODB_BUFFER_POOL_SIZE, MYSQL_MAX_CONNECTIONS)));
        assertThat(mysql.validate("innodb-buffer-pool-size", "1G")).isEqualTo(number(1073741824L, INNODB_BUFFER_POOL_SIZE));
        assertThat(mysql.suggestionsFor("innodb_bufer_pool_size")).containsExactly("innodb_buffer_pool_size");
    }

    @Test
    void blankNameIsRefused() {
        assertThat(postgres.problem(" ", "1")).contains("A parameter name is required for PostgreSQL 16.");
    }
}
