package io.knobwright.model.fleet;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What Knobwright knows about the machine under an instance, and where each fact comes from. Zero (and
 * {@link DiskType#UNKNOWN}) means "not known". A known fact is either {@link FactSource#PROBED probed} (listed in
 * {@code probed}; the next refresh may change it) or {@link FactSource#ENTERED entered} by a user (everything else;
 * a refresh never overwrites it).
 *
 * @param cpus        logical CPUs available to the server
 * @param memoryBytes RAM available to the server
 * @param diskBytes   size of the data volume
 * @param probed      the known facts a probe found; unknown facts are dropped from it
 */
public record HardwareFacts(int cpus, long memoryBytes, DiskType diskType, long diskBytes, Set<HardwareFact> probed) {

    public static final HardwareFacts UNKNOWN = new HardwareFacts(0, 0, DiskType.UNKNOWN, 0);

    public HardwareFacts {
        if (cpus < 0) {
            throw new IllegalArgumentException("CPU count cannot be negative: " + cpus);
        }
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("Memory cannot be negative: " + memoryBytes);
        }
        if (diskBytes < 0) {
            throw new IllegalArgumentException("Disk size cannot be negative: " + diskBytes);
        }
        Objects.requireNonNull(diskType, "diskType");
        EnumSet<HardwareFact> known = EnumSet.noneOf(HardwareFact.class);
        for (HardwareFact fact : probed) {
            if (known(fact, cpus, memoryBytes, diskType, diskBytes)) {
                known.add(fact);
            }
        }
        probed = Set.copyOf(known);
    }

    /** Facts a user entered (or an inventory gave): every known fact counts as entered. */
    public HardwareFacts(int cpus, long memoryBytes, DiskType diskType, long diskBytes) {
        this(cpus, memoryBytes, diskType, diskBytes, Set.of());
    }

    /** Facts a probe read from the server: every known fact counts as probed. */
    public static HardwareFacts probed(int cpus, long memoryBytes, DiskType diskType, long diskBytes) {
        return new HardwareFacts(cpus, memoryBytes, diskType, diskBytes, EnumSet.allOf(HardwareFact.class));
    }

    public boolean isKnown(HardwareFact fact) {
        return known(fact, cpus, memoryBytes, diskType, diskBytes);
    }

    public FactSource source(HardwareFact fact) {
        return !isKnown(fact) ? FactSource.UNKNOWN : probed.contains(fact) ? FactSource.PROBED : FactSource.ENTERED;
    }

    /**
     * These facts after a refresh whose probe found {@code found}: what a user entered stays; what the probe
     * found replaces what was probed or unknown; what the probe did not find stays as it was.
     */
    public HardwareFacts updatedBy(HardwareFacts found) {
        HardwareFacts result = this;
        for (HardwareFact fact : HardwareFact.values()) {
            if (source(fact) != FactSource.ENTERED && found.isKnown(fact)) {
                result = result.with(fact, found, true);
            }
        }
        return result;
    }

    /** The facts a user entered that {@code reported} (what a server said) knows with another value. */
    public Set<HardwareFact> enteredDifferently(HardwareFacts reported) {
        EnumSet<HardwareFact> differing = EnumSet.noneOf(HardwareFact.class);
        for (HardwareFact fact : HardwareFact.values()) {
            if (source(fact) == FactSource.ENTERED && reported.isKnown(fact) && !sameValue(fact, reported)) {
                differing.add(fact);
            }
        }
        return differing;
    }

    /** These facts with the CPUs a user entered; 0 makes them unknown, for the next refresh to probe. */
    public HardwareFacts withCpus(int entered) {
        return with(HardwareFact.CPUS, new HardwareFacts(entered, 0, DiskType.UNKNOWN, 0), false);
    }

    /** These facts with the RAM a user entered; 0 makes it unknown, for the next refresh to probe. */
    public HardwareFacts withMemory(long enteredBytes) {
        return with(HardwareFact.RAM, new HardwareFacts(0, enteredBytes, DiskType.UNKNOWN, 0), false);
    }

    /** These facts with the disk type a user entered; UNKNOWN makes it unknown. */
    public HardwareFacts withDiskType(DiskType entered) {
        return with(HardwareFact.DISK_TYPE, new HardwareFacts(0, 0, entered, 0), false);
    }

    /** These facts with the disk size a user entered; 0 makes it unknown. */
    public HardwareFacts withDiskBytes(long enteredBytes) {
        return with(HardwareFact.DISK_SIZE, new HardwareFacts(0, 0, DiskType.UNKNOWN, enteredBytes), false);
    }

    private HardwareFacts with(HardwareFact fact, HardwareFacts from, boolean asProbed) {
        EnumSet<HardwareFact> probedNow = probed.isEmpty() ? EnumSet.noneOf(HardwareFact.class) : EnumSet.copyOf(probed);
        if (asProbed) {
            probedNow.add(fact);
        } else {
            probedNow.remove(fact);
        }
        return switch (fact) {
            case CPUS -> new HardwareFacts(from.cpus, memoryBytes, diskType, diskBytes, probedNow);
            case RAM -> new HardwareFacts(cpus, from.memoryBytes, diskType, diskBytes, probedNow);
            case DISK_TYPE -> new HardwareFacts(cpus, memoryBytes, from.diskType, diskBytes, probedNow);
            case DISK_SIZE -> new HardwareFacts(cpus, memoryBytes, diskType, from.diskBytes, probedNow);
        };
    }

    private boolean sameValue(HardwareFact fact, HardwareFacts other) {
        return switch (fact) {
            case CPUS -> cpus == other.cpus;
            case RAM -> memoryBytes == other.memoryBytes;
            case DISK_TYPE -> diskType == other.diskType;
            case DISK_SIZE -> diskBytes == other.diskBytes;
        };
    }

    private static boolean known(HardwareFact fact, int cpus, long memoryBytes, DiskType diskType, long diskBytes) {
        return switch (fact) {
            case CPUS -> cpus > 0;
            case RAM -> memoryBytes > 0;
            case DISK_TYPE -> diskType != DiskType.UNKNOWN;
            case DISK_SIZE -> diskBytes > 0;
        };
    }
}
