package io.knobwright.model.fleet;

import io.knobwright.model.UserError;
import io.knobwright.model.text.ShownText;

import java.util.Locale;

/**
 * Hardware facts as users type them (edit dialog, {@code knobwright fleet edit NAME --ram 64GB}). Blank or
 * "unknown" means not known, which lets the next refresh probe the fact. Values no server has (zero, a RAM of
 * 64 bytes because the unit was left out, a million CPUs) are refused with a message that says what to write.
 */
public final class HardwareInput {

    public static final int MAX_CPUS = 8192;
    private static final long MB = 1L << 20;
    private static final long MIN_BYTES = 16 * MB;
    private static final long MAX_MEMORY = 256L << 40;
    private static final long MAX_DISK = 64L << 50;

    private HardwareInput() {
    }

    /** Logical CPUs; 0 for blank or "unknown". */
    public static int cpus(String text) {
        if (unknown(text)) {
            return 0;
        }
        String t = text.strip();
        long cpus;
        try {
            cpus = Long.parseLong(t);
        } catch (NumberFormatException notANumber) {
            throw UserError.input("CPUs '" + ShownText.excerpt(t, ShownText.EXCERPT) + "' is not a whole number; give the logical CPUs"
                    + " the server may use, e.g. 16, or 'unknown'.");
        }
        if (cpus < 1) {
            throw UserError.input("CPUs '" + t + "' is not a CPU count; give at least 1, e.g. 16, or 'unknown'.");
        }
        if (cpus > MAX_CPUS) {
            throw UserError.input("CPUs '" + t + "' is more than any server has (at most " + MAX_CPUS
                    + "); check the number.");
        }
        return (int) cpus;
    }

    /** RAM in bytes; 0 for blank or "unknown". */
    public static long memory(String text) {
        return size(HardwareFact.RAM, "RAM", text, MAX_MEMORY, "256TB");
    }

    /** Size of the data volume in bytes; 0 for blank or "unknown". */
    public static long diskBytes(String text) {
        return size(HardwareFact.DISK_SIZE, "Disk size", text, MAX_DISK, "64PB");
    }

    /** hdd, ssd, nvme, san; UNKNOWN for blank or "unknown". */
    public static DiskType diskType(String text) {
        return DiskType.parse(text);
    }

    private static long size(HardwareFact fact, String label, String text, long max, String maxText) {
        if (unknown(text)) {
            return 0;
        }
        String t = text.strip();
        long bytes = ByteSize.parse(label, t);
        String example = fact == HardwareFact.RAM ? "64GB, 64G or 65536MB" : "2TB, 500G or 512000MB";
        if (bytes == 0) {
            throw UserError.input(label + " '" + t + "' is zero; give it like " + example + ", or 'unknown'.");
        }
        if (bytes < MIN_BYTES) {
            boolean noUnit = t.chars().noneMatch(Character::isLetter);
            throw UserError.input(label + " '" + t + "' is " + bytes + " bytes, less than 16MB"
                    + (noUnit ? "; write the unit, e.g. " + t + "GB." : "; give it like " + example + "."));
        }
        if (bytes > max) {
            throw UserError.input(label + " '" + ShownText.excerpt(t, ShownText.EXCERPT) + "' is more than any server has (at most "
                    + maxText + "); check the number and the unit.");
        }
        return bytes;
    }

    private static boolean unknown(String text) {
        return text == null || text.isBlank() || text.strip().toLowerCase(Locale.ROOT).equals("unknown");
    }
}
