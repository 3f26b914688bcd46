package io.knobwright.app.ui.common;

import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void sizesReadTheWayDbasSayThem() {
        assertThat(Formats.bytes(64L << 30)).isEqualTo("64 GB");
        assertThat(Formats.bytes(512L << 20)).isEqualTo("512 MB");
        assertThat(Formats.bytes(1536L << 30)).isEqualTo("1.5 TB");
        assertThat(Formats.bytes(0)).isEqualTo(Formats.UNKNOWN);
    }

    @Test
    void hardwareLeavesOutWhatIsNotKnown() {
        assertThat(Formats.hardware(new HardwareFacts(16, 64L << 30, DiskType.NVME, 1L << 40)))
                .isEqualTo("16 vCPU · 64 GB RAM · 1 TB NVMe");
        assertThat(Formats.hardware(new HardwareFacts(0, 8L << 30, DiskType.UNKNOWN, 0))).isEqualTo("8 GB RAM");
        assertThat(Formats.hardware(HardwareFacts.UNKNOWN)).isEqualTo("Not known yet");
    }

    @Test
    void versionsSortNumericallyNotAlphabetically() {
        assertThat(Labels.VERSION_ORDER.compare("9.6", "10")).isNegative();
        assertThat(Labels.VERSION_ORDER.compare("10.11", "10.2")).isPositive();
        assertThat(Labels.VERSION_ORDER.compare("19c", "23ai")).isNegative();
    }
}
