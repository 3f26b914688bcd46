package io.knobwright.app.simulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code workloadKey} of observations (see Observation): the experiments that record them and the what-if
 * service that calibrates on them must spell it the same way, so both call this.
 */
public final class WorkloadKeys {

    private WorkloadKeys() {
    }

    /** A script: its text's hash, so the same script under another file name calibrates the same shape. */
    public static String script(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.strip().getBytes(StandardCharsets.UTF_8));
            return "script:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** The instance's own workload: a replay of its top fingerprints, or its measured profile (the same mix). */
    public static String replay(String instanceName) {
        return "replay:" + instanceName;
    }
}
