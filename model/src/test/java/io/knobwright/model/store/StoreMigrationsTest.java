package io.knobwright.model.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class StoreMigrationsTest {

    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    @Test
    void newestSchemaConstantMatchesTheNewestMigrationScript() throws IOException {
        int newest = 0;
        try (var scripts = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path script : scripts.toList()) {
                Matcher m = SCRIPT.matcher(script.getFileName().toString());
                assertThat(m.matches()).as("migration file name " + script.getFileName()).isTrue();
                newest = Math.max(newest, Integer.parseInt(m.group(1)));
            }
        }

        assertThat(StoreMigrations.NEWEST_SCHEMA)
                .as("raise StoreMigrations.NEWEST_SCHEMA with every new migration, or newer stores are not detected")
                .isEqualTo(newest);
    }
}
