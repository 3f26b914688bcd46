package io.knobwright.app.ui.instance;

import io.knobwright.model.UserError;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.HardwareInput;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.util.List;
import java.util.Objects;

/**
 * The hardware part of the edit form: CPUs, RAM, disk type and size, each with where it comes from. A fact the
 * user changes becomes "entered" (refreshes keep it); one left as it was keeps its source; a cleared one becomes
 * unknown, for the next refresh to probe.
 */
public final class HardwareForm {

    private final HardwareFacts current;
    private final String cpusAtStart;
    private final String memoryAtStart;
    private final String diskSizeAtStart;

    private final StringProperty cpus = new SimpleStringProperty(this, "cpus");
    private final StringProperty memory = new SimpleStringProperty(this, "memory");
    private final ObjectProperty<DiskType> diskType = new SimpleObjectProperty<>(this, "diskType");
    private final StringProperty diskSize = new SimpleStringProperty(this, "diskSize");
    private final ReadOnlyStringWrapper cpusNote = new ReadOnlyStringWrapper(this, "cpusNote");
    private final ReadOnlyStringWrapper memoryNote = new ReadOnlyStringWrapper(this, "memoryNote");
    private final ReadOnlyStringWrapper diskTypeNote = new ReadOnlyStringWrapper(this, "diskTypeNote");
    private final ReadOnlyStringWrapper diskSizeNote = new ReadOnlyStringWrapper(this, "diskSizeNote");
    private final ReadOnlyStringWrapper cpusError = new ReadOnlyStringWrapper(this, "cpusError", "");
    private final ReadOnlyStringWrapper memoryError = new ReadOnlyStringWrapper(this, "memoryError", "");
    private final ReadOnlyStringWrapper diskSizeError = new ReadOnlyStringWrapper(this, "diskSizeError", "");

    HardwareForm(HardwareFacts current) {
        this.current = Objects.requireNonNull(current, "current");
        cpusAtStart = current.cpus() == 0 ? "" : String.valueOf(current.cpus());
        memoryAtStart = sizeText(current.memoryBytes());
        diskSizeAtStart = sizeText(current.diskBytes());
        cpus.set(cpusAtStart);
        memory.set(memoryAtStart);
        diskType.set(current.diskType());
        diskSize.set(diskSizeAtStart);
        for (ObservableValue<?> field : List.of(cpus, memory, diskType, diskSize)) {
            field.subscribe((before, now) -> validate());
        }
        validate();
    }

    /** Checks every field and publishes notes and errors; true when all can be saved. */
    boolean validate() {
        cpusError.set(problem(() -> HardwareInput.cpus(cpus.get())));
        memoryError.set(problem(() -> HardwareInput.memory(memory.get())));
        diskSizeError.set(problem(() -> HardwareInput.diskBytes(diskSize.get())));
        cpusNote.set(note(HardwareFact.CPUS, !text(cpus).equals(cpusAtStart), cpus.get()));
        memoryNote.set(note(HardwareFact.RAM, !text(memory).equals(memoryAtStart), memory.get()));
        diskTypeNote.set(note(HardwareFact.DISK_TYPE, diskType.get() != current.diskType(),
                diskType.get() == DiskType.UNKNOWN ? "" : diskType.get().name()));
        diskSizeNote.set(note(HardwareFact.DISK_SIZE, !text(diskSize).equals(diskSizeAtStart), diskSize.get()));
        return cpusError.get().isEmpty() && memoryError.get().isEmpty() && diskSizeError.get().isEmpty();
    }

    /** The facts to store; call after {@link #validate()} returned true. Unchanged facts keep their source. */
    HardwareFacts result() {
        HardwareFacts h = current;
        if (!text(cpus).equals(cpusAtStart)) {
            h = h.withCpus(HardwareInput.cpus(cpus.get()));
        }
        if (!text(memory).equals(memoryAtStart)) {
            h = h.withMemory(HardwareInput.memory(memory.get()));
        }
        if (diskType.get() != current.diskType()) {
            h = h.withDiskType(diskType.get());
        }
        if (!text(diskSize).equals(diskSizeAtStart)) {
            h = h.withDiskBytes(HardwareInput.diskBytes(diskSize.get()));
        }
        return h;
    }

    private String note(HardwareFact fact, boolean changed, String text) {
        if (changed) {
            return text == null || text.isBlank() ? "Unknown once saved; the next refresh probes it if the server tells."
                    : "Entered once saved: refreshes keep it.";
        }
        return switch (current.source(fact)) {
            case PROBED -> "Probed from the server; a refresh updates it.";
            case ENTERED -> "Entered; refreshes keep it.";
            case UNKNOWN -> fact == HardwareFact.DISK_TYPE ? "Unknown."
                    : "Unknown: templates that use " + expressionName(fact) + " cannot be resolved until you enter it.";
        };
    }

    private static String expressionName(HardwareFact fact) {
        return switch (fact) {
            case CPUS -> "CPUS";
            case RAM -> "RAM";
            case DISK_TYPE, DISK_SIZE -> "DISK";
        };
    }

    private static String text(StringProperty field) {
        return field.get() == null ? "" : field.get().strip();
    }

    private static String problem(Runnable parse) {
        try {
            parse.run();
            return "";
        } catch (UserError e) {
            return e.getMessage();
        }
    }

    /** A size as a user would type it and {@link HardwareInput} reads it back exactly: "64GB", "1536MB". */
    static String sizeText(long bytes) {
        if (bytes <= 0) {
            return "";
        }
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        int unit = 0;
        long value = bytes;
        while (unit < units.length - 1 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + units[unit];
    }

    public StringProperty cpusProperty() { return cpus; }
    public StringProperty memoryProperty() { return memory; }
    public ObjectProperty<DiskType> diskTypeProperty() { return diskType; }
    public StringProperty diskSizeProperty() { return diskSize; }
    public ReadOnlyStringProperty cpusNoteProperty() { return cpusNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty memoryNoteProperty() { return memoryNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty diskTypeNoteProperty() { return diskTypeNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty diskSizeNoteProperty() { return diskSizeNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty cpusErrorProperty() { return cpusError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty memoryErrorProperty() { return memoryError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty diskSizeErrorProperty() { return diskSizeError.getReadOnlyProperty(); }
}
