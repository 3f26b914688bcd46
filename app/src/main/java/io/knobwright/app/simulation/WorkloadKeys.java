package io.knobwright.app.simulation;

/**
 * The {@code workloadKey} of observations (see Observation) as DefaultExperimentService records them, so the what-if
 * service calibrates on the runs of the workload it simulates: a script is the SHA-256 of its text; a replay is
 * "replay:" + the instance's name + ":" + a digest of the fingerprints it replayed. The measured profile and a replay
 * share the instance's mix, so the what-if service takes every replay of the instance, whichever fingerprints it
 * covered.
 */
public final class WorkloadKeys {

    private WorkloadKeys() {
    }

    /** A script file's runs: the hash of its text, whatever the file is called. */
    public static String script(String text) {
        return Digests.sha256(text);
    }

    /** The key of a replay of the instance's fingerprints, {@code fingerprints} being the digest of those it ran. */
    public static String replay(String instanceName, String fingerprints) {
        return "replay:" + instanceName + ":" + fingerprints;
    }

    /** Whether {@code key} is a replay of the instance's own fingerprints (any set of them). */
    public static boolean isReplayOf(String key, String instanceName) {
        return key.startsWith("replay:" + instanceName + ":");
    }

    /**
     * The key of what the collectors measured on the instance itself around an applied plan (decision 0152). It is a
     * replay key on purpose: the measured workload and a replay share the instance's mix, so the what-if service and
     * the recommendations calibrate on these observations with the instance's replays.
     */
    public static String measured(String instanceName) {
        return replay(instanceName, "measured");
    }
}
