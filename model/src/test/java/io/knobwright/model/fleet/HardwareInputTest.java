package io.knobwright.model.fleet;

import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HardwareInputTest {

    private static final long GB = 1L << 30;

    @Test
    void ramIsReadInTheSpellingsPeopleUse() {
        assertThat(HardwareInput.memory("64GB")).isEqualTo(64 * GB);
        assertThat(HardwareInput.memory("64G")).isEqualTo(64 * GB);
        assertThat(HardwareInput.memory("65536MB")).isEqualTo(64 * GB);
        assertThat(HardwareInput.memory(" 64 gib ")).isEqualTo(64 * GB);
        assertThat(HardwareInput.diskBytes("2TB")).isEqualTo(2048 * GB);
        assertThat(HardwareInput.cpus("16")).isEqualTo(16);
    }

    @Test
    void unknownOrBlankForgetsTheFact() {
        assertThat(HardwareInput.memory("unknown")).isZero();
        assertThat(HardwareInput.memory("")).isZero();
        assertThat(HardwareInput.cpus("Unknown")).isZero();
        assertThat(HardwareInput.diskType("unknown")).isEqualTo(DiskType.UNKNOWN);
    }

    @Test
    void zeroNegativeAndNonsenseAreRefusedSayingWhatToWrite() {
        assertThatThrownBy(() -> HardwareInput.memory("0"))
                .isInstanceOf(UserError.class)
                .hasMessage("RAM '0' is zero; give it like 64GB, 64G or 65536MB, or 'unknown'.");
        assertThatThrownBy(() -> HardwareInput.memory("-8GB")).hasMessageContaining("is not a size");
        assertThatThrownBy(() -> HardwareInput.memory("lots")).hasMessageContaining("is not a size");
        assertThatThrownBy(() -> HardwareInput.cpus("0"))
                .hasMessage("CPUs '0' is not a CPU count; give at least 1, e.g. 16, or 'unknown'.");
        assertThatThrownBy(() -> HardwareInput.cpus("-2")).hasMessageContaining("give at least 1");
        assertThatThrownBy(() -> HardwareInput.cpus("sixteen")).hasMessageContaining("is not a whole number");
        assertThatThrownBy(() -> HardwareInput.diskType("floppy")).hasMessageContaining("Use one of: hdd, ssd, nvme, san");
    }

    @Test
    void aForgottenUnitAndValuesNoServerHasAreRefused() {
        assertThatThrownBy(() -> HardwareInput.memory("64"))
                .hasMessage("RAM '64' is 64 bytes, less than 16MB; write the unit, e.g. 64GB.");
        assertThatThrownBy(() -> HardwareInput.memory("4PB"))
                .hasMessage("RAM '4PB' is more than any server has (at most 256TB); check the number and the unit.");
        assertThatThrownBy(() -> HardwareInput.cpus("100000")).hasMessageContaining("at most 8192");
        assertThatThrownBy(() -> HardwareInput.diskBytes("500")).hasMessageContaining("write the unit, e.g. 500GB");
        assertThatThrownBy(() -> HardwareInput.memory("99999999999PB")).hasMessageContaining("is too large");
    }
}
