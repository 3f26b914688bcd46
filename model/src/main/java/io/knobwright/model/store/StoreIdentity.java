package io.knobwright.model.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note beside the store file, written by this build when it closed the file cleanly: the file's creation stamp and
 * write version from H2's plain-text header, and the schema this build left it at. When the header still says the
 * same (closed cleanly, same file, nothing written since) the file is exactly as this build left it, so the
 * read-only inspection that protects foreign and newer files can be skipped: it is a second H2 open, ~110 ms of every
 * command (decision 0118). Any doubt - no note, another file copied over the store, anything written by anyone since
 * (a newer Knobwright, a SQL tool), a file another process still has open - and the store is inspected as before.
 */
final class StoreIdentity {

    static final String FILE_NAME = StoreOpening.DATABASE_NAME + ".identity";
    private static final Pattern FIELD = Pattern.compile("(?:^|,)(created|version|clean):([0-9a-f]{1,16})(?=,|$)");
    private static final int HEADER_BYTES = 512;

    private StoreIdentity() {
    }

    /** True when the note vouches for the store file in {@code dir} at this build's schema. */
    static boolean vouchesFor(Path dir) {
        Optional<String> stamp = cleanStamp(StoreOpening.databaseFile(dir));
        if (stamp.isEmpty()) {
            return false;
        }
        try {
            return Files.readString(dir.resolve(FILE_NAME), StandardCharsets.US_ASCII).equals(note(stamp.get()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Writes the note for the store file in {@code dir} after this build closed it; nothing when the file is not
     * cleanly closed (another process still has it open: the last one to close writes it).
     */
    static void record(Path dir) {
        Optional<String> stamp = cleanStamp(StoreOpening.databaseFile(dir));
        if (stamp.isEmpty() || vouchesFor(dir)) {
            return;
        }
        Path note = dir.resolve(FILE_NAME);
        try {
            Path written = Files.createTempFile(dir, FILE_NAME, ".tmp");
            Files.writeString(written, note(stamp.get()), StandardCharsets.US_ASCII);
            Files.move(written, note, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no note: the next start inspects the store, as it always did
        }
    }

    /**
     * "created version" from the H2 file's first header ("H:2,block:31b,...,clean:1,created:1a24a9e3953,format:3,
     * version:130,..."), only when the file says it was closed cleanly.
     */
    static Optional<String> cleanStamp(Path databaseFile) {
        byte[] head = new byte[HEADER_BYTES];
        int read;
        try (InputStream in = Files.newInputStream(databaseFile)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Optional.empty();
        }
        String header = new String(head, 0, read, StandardCharsets.ISO_8859_1);
        int end = header.indexOf('\n');
        if (!header.startsWith("H:2,") || end < 0) {
            return Optional.empty();
        }
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        Matcher m = FIELD.matcher(header.substring(0, end));
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        if (!"1".equals(fields.get("clean")) || !fields.containsKey("created") || !fields.containsKey("version")) {
            return Optional.empty();
        }
        return Optional.of(fields.get("created") + " " + fields.get("version"));
    }

    private static String note(String stamp) {
        return "file=" + stamp + "\nschema=" + StoreMigrations.NEWEST_SCHEMA + "\n";
    }
}
