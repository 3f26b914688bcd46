package io.knobwright.model.fleet;

import java.util.regex.Pattern;

/** One fact of {@link HardwareFacts}, named the way users set it ({@code knobwright fleet edit NAME --ram 64GB}). */
public enum HardwareFact {
    CPUS("CPUs", "--cpus", "16"),
    RAM("RAM", "--ram", "64GB"),
    DISK_TYPE("disk type", "--disk-type", "ssd"),
    DISK_SIZE("disk size", "--disk", "2TB");

    /** Characters a shell leaves alone in an unquoted word. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9._@%+=:,/-]+");

    private final String label;
    private final String option;
    private final String example;

    HardwareFact(String label, String option, String example) {
        this.label = label;
        this.option = option;
        this.example = example;
    }

    /** "RAM", "disk type": how messages name the fact. */
    public String label() {
        return label;
    }

    /** The option of {@code knobwright fleet edit} that sets it. */
    public String option() {
        return option;
    }

    /** The command line that sets this fact for the named instance, with an example value, ready to paste into a shell. */
    public String editCommand(String instanceName) {
        return editCommand(instanceName, example);
    }

    /** The command line that sets this fact of the named instance to {@code value}. */
    public String editCommand(String instanceName, String value) {
        String name = PLAIN_WORD.matcher(instanceName).matches() ? instanceName
                : "'" + instanceName.replace("'", "'\\''") + "'";
        return "knobwright fleet edit " + name + " " + option + " " + value;
    }
}
