package io.knobwright.model.fleet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizeTest {

    @Test
    void binaryUnitsAndPlainBytesMeanTheSameAmount() {
        long sixtyFourGb = 64L * 1024 * 1024 * 1024;
        assertThat(ByteSize.parse("Memory", "64GB")).isEqualTo(sixtyFourGb);
        assertThat(ByteSize.parse("Memory", "64 gib")).isEqualTo(sixtyFourGb);
        assertThat(ByteSize.parse("Memory", "65536MB")).isEqualTo(sixtyFourGb);
        assertThat(ByteSize.parse("Memory", String.valueOf(sixtyFourGb))).isEqualTo(sixtyFourGb);
        assertThat(ByteSize.parse("Disk size", "1.5TB")).isEqualTo(3L * 512 * 1024 * 1024 * 1024);
        assertThat(ByteSize.parse("Disk size", "")).isZero();
    }

    @Test
    void textThatIsNoSizeIsRefusedShowingTheAcceptedForms() {
        assertThatThrownBy(() -> ByteSize.parse("Memory", "lots"))
                .hasMessage("Memory 'lots' is not a size; write it like 64GB, 65536MB, 2TB or a number of bytes");
        assertThatThrownBy(() -> ByteSize.parse("Memory", "-4GB")).hasMessageContaining("is not a size");
        assertThatThrownBy(() -> ByteSize.parse("Memory", "64XB")).hasMessageContaining("is not a size");
        assertThatThrownBy(() -> ByteSize.parse("Disk size", "99999999PB")).hasMessage("Disk size '99999999PB' is too large");
        assertThatThrownBy(() -> ByteSize.parse("Memory", "64\u202EGB"))
                .as("the text is shown escaped, as every echoed input is").hasMessageStartingWith("Memory '64\\u202EGB' is not a size");
    }
}
