package io.knobwright.model.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

    private static final Path HOME = Path.of("/home/lin").toAbsolutePath();

    @Test
    void flagWinsOverEnvironmentAndHome() {
        assertThat(DataDirectory.resolve("/data/kw", Map.of("KNOBWRIGHT_HOME", "/env/kw"), HOME))
                .isEqualTo(Path.of("/data/kw").toAbsolutePath());
    }

    @Test
    void environmentVariableIsUsedWithoutFlag() {
        assertThat(DataDirectory.resolve(null, Map.of("KNOBWRIGHT_HOME", "/env/kw"), HOME))
                .isEqualTo(Path.of("/env/kw").toAbsolutePath());
        assertThat(DataDirectory.resolve("  ", Map.of("KNOBWRIGHT_HOME", "/env/kw"), HOME))
                .isEqualTo(Path.of("/env/kw").toAbsolutePath());
    }

    @Test
    void defaultIsDotKnobwrightInTheHomeDirectory() {
        assertThat(DataDirectory.resolve(null, Map.of(), HOME)).isEqualTo(HOME.resolve(".knobwright"));
        assertThat(DataDirectory.resolve(null, Map.of("KNOBWRIGHT_HOME", ""), HOME)).isEqualTo(HOME.resolve(".knobwright"));
    }

    @Test
    void tildeThatTheShellDidNotExpandMeansTheHomeDirectory() {
        assertThat(DataDirectory.resolve("~/stores/test", Map.of(), HOME)).isEqualTo(HOME.resolve("stores/test"));
        assertThat(DataDirectory.resolve(null, Map.of("KNOBWRIGHT_HOME", "~"), HOME)).isEqualTo(HOME);
    }

    @Test
    void relativeFlagIsResolvedAgainstTheWorkingDirectoryAndNormalised() {
        assertThat(DataDirectory.resolve("./kw/../kw2", Map.of(), HOME))
                .isEqualTo(Path.of("").toAbsolutePath().resolve("kw2"));
    }

    @Test
    void twoArgumentFormUsesTheUsersRealHome() {
        assertThat(DataDirectory.resolve(null, Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".knobwright").toAbsolutePath().normalize());
    }
}
