package io.knobwright.model.fleet;

import io.knobwright.model.UserError;

import java.util.Locale;

/** Storage class; drives random_page_cost, effective_io_concurrency and friends. */
public enum DiskType {
    HDD, SSD, NVME, SAN, UNKNOWN;

    public static DiskType parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserError.input("Unknown disk type '" + text
                    + "'. Use one of: hdd, ssd, nvme, san, unknown.");
        }
    }
}
