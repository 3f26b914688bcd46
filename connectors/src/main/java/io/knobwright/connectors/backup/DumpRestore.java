package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupKind;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.ProblemKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The restore test of a pg_dump (archive or plain SQL): an embedded PostgreSQL is started, the dump restored into it
 * with pg_restore (psql for plain SQL) of at least the dump's major, every error named by the object or line that
 * failed, then the restored tables' rows counted and the indexes counted, and the server thrown away.
 *
 * <p>Archives are restored with --no-owner --no-privileges --no-tablespaces: the sandbox has none of the source's
 * roles or tablespace directories, and their absence says nothing about the dump. A plain script names its roles in
 * its own statements, so the roles it assigns or grants to are created first (NOLOGIN) for the same reason.
 */
public final class DumpRestore {

    static final String DATABASE = "knobwright_restore";
    private static final Pattern VERSION_MAJOR = Pattern.compile("^(\\d+)");
    private static final Pattern PLAIN_FROM = Pattern.compile("^-- Dumped from database version (\\S+)");
    private static final Pattern PLAIN_BY = Pattern.compile("^-- Dumped by pg_dump(?:all)? version (\\S+)");
    private static final Pattern ROLE = Pattern.compile("(?:OWNER TO|GRANT .+ TO|FOR ROLE) (\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)[ ;,]");

    private final ExternalTools tools;
    private final Supplier<EmbeddedPostgres.Builder> servers;
    private final Duration timeout;

    /** @param servers a builder of the embedded server per restore (a test serves one PostgreSQL major's binaries) */
    public DumpRestore(ExternalTools tools, Supplier<EmbeddedPostgres.Builder> servers, Duration timeout) {
        this.tools = tools;
        this.servers = servers;
        this.timeout = timeout;
    }

    /** zonky's own binaries, the tools of /usr/lib/postgresql/NN/bin, six hours at most. */
    public DumpRestore() {
        this(new ExternalTools(), EmbeddedPostgres::builder, Duration.ofHours(6));
    }

    /** Restores {@code dump}; its problems go to the draft, the report says what was restored (empty: not attempted). */
    Optional<RestoreReport> restore(Path dump, BackupKind kind, boolean gzip, VerificationDraft draft, Consumer<String> progress) {
        String name = dump.getFileName().toString();
        boolean plain = kind == BackupKind.PG_SQL_DUMP;
        Path temporary = null;
        try {
            Path input = dump;
            if (gzip) {
                progress.accept("restore: decompressing " + name);
                temporary = Files.createTempFile("knobwright-restore", plain ? ".sql" : ".dump");
                try (InputStream in = new GZIPInputStream(Files.newInputStream(dump), 1 << 16)) {
                    Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                }
                input = temporary;
            }
            int[] dumpMajors = plain ? plainMajors(input) : archiveMajors(draft);
            String toolName = plain ? "psql" : "pg_restore";
            Optional<ExternalTools.Tool> tool = tools.find(toolName, dumpMajors[1]);
            if (tool.isEmpty()) {
                draft.problems.add(new BackupProblem(toolName, ProblemKind.TOOL_MISSING, "restore: "
                        + tools.missingMessage(toolName, dumpMajors[1])));
                return Optional.empty();
            }
            return Optional.of(restoreInto(input, name, temporary, plain, tool.get(), dumpMajors[0], draft, progress));
        } catch (IOException | SQLException | RuntimeException e) {
            draft.problems.add(new BackupProblem(name, ProblemKind.TOOL_MISSING, "restore: the embedded PostgreSQL could not"
                    + " be started or reached (" + e.getMessage() + "); check the free space of " + System.getProperty("java.io.tmpdir")));
            return Optional.empty();
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private RestoreReport restoreInto(Path input, String name, Path temporary, boolean plain, ExternalTools.Tool tool,
                                      int dumpMajor, VerificationDraft draft, Consumer<String> progress)
            throws IOException, SQLException {
        Instant started = Instant.now();
        progress.accept("restore: starting an embedded PostgreSQL (its data goes under " + System.getProperty("java.io.tmpdir") + ")");
        try (RestoreServer server = RestoreServer.start(servers)) {
            String serverName = "PostgreSQL " + server.version() + " (embedded)";
            String gapNote = "";
            if (dumpMajor > server.major()) {
                gapNote = " (the dump comes from PostgreSQL " + dumpMajor + ", newer than the " + server.major()
                        + " it was restored into: this error may be that gap, not damage)";
                draft.facts.put("restore version gap", "the dump comes from PostgreSQL " + dumpMajor + ", the embedded server is "
                        + server.major() + ": errors on what " + server.major() + " lacks are the gap, not damage");
                progress.accept("restore: note: the dump comes from PostgreSQL " + dumpMajor + ", newer than the embedded " + server.version());
            }
            try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + DATABASE);
                if (plain) {
                    for (String role : roles(input)) {
                        st.execute("DO $$ BEGIN CREATE ROLE " + role + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
                    }
                }
            }
            progress.accept("restore: " + name + " into " + serverName + " with " + tool.name() + " " + tool.major());
            List<String> base = List.of(tool.path().toString(), "-h", "127.0.0.1", "-p", Integer.toString(server.port()),
                    "-U", "postgres", "-d", DATABASE);
            List<String> command = new ArrayList<>(base);
            if (plain) {
                command.addAll(List.of("-X", "-q", "-v", "ON_ERROR_STOP=0", "-f", input.toString()));
            } else {
                command.addAll(List.of("--no-owner", "--no-privileges", "--no-tablespaces", "-v", input.toString()));
            }
            ExternalTools.Run run = tools.run(command, timeout, line -> dataProgress(line, progress));
            RestoreErrors errors = new RestoreErrors(name, temporary == null ? null : temporary.toString(), gapNote);
            if (plain) {
                errors.readPsql(run.err());
            } else {
                errors.readPgRestore(run.err());
            }
            if (run.timedOut()) {
                draft.problems.add(new BackupProblem(name, ProblemKind.OTHER, "restore: did not finish within " + timeout));
            }
            draft.problems.addAll(errors.problems());
            progress.accept("restore: counting what was restored");
            RestoreCount count = RestoreCount.of(server);
            RestoreReport report = new RestoreReport(serverName, server.major(), dumpMajor, tool.path() + " (" + tool.major() + ")",
                    Duration.between(started, Instant.now()), count.tables(), count.indexes(), errors.errors());
            draft.facts.put("restore", report.summary());
            progress.accept("restore: " + report.summary());
            return report;
        }
    }

    /** pg_restore -v names each table whose data it loads: the one progress line worth showing per table. */
    private static void dataProgress(String line, Consumer<String> progress) {
        if (line.startsWith("pg_restore: processing data for table ")) {
            progress.accept("restore: loading " + line.substring("pg_restore: processing data for table ".length()).replace("\"", ""));
        } else if (line.startsWith("pg_restore: error: ") || line.contains(": ERROR:  ")) {
            progress.accept("restore: " + line);
        }
    }

    /** {source major, pg_dump major} from what pg_restore --list printed (the checks before stored it in the facts). */
    private static int[] archiveMajors(VerificationDraft draft) {
        int from = major(draft.facts.getOrDefault("dumped from database version", ""));
        int by = major(draft.facts.getOrDefault("dumped by pg_dump version", ""));
        return new int[] {from, by};
    }

    /** {source major, pg_dump major} from a plain script's header comments. */
    private static int[] plainMajors(Path script) throws IOException {
        int from = 0;
        int by = 0;
        try (BufferedReader in = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; i < 40 && (line = in.readLine()) != null; i++) {
                Matcher f = PLAIN_FROM.matcher(line);
                Matcher b = PLAIN_BY.matcher(line);
                if (f.find()) {
                    from = major(f.group(1));
                } else if (b.find()) {
                    by = major(b.group(1));
                }
            }
        }
        return new int[] {from, by};
    }

    static int major(String version) {
        Matcher m = VERSION_MAJOR.matcher(version.strip());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The roles a plain script assigns ownership or grants to, quoted for CREATE ROLE. */
    static Set<String> roles(Path script) throws IOException {
        Set<String> roles = new LinkedHashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(script), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ALTER ") || line.startsWith("GRANT ") || line.startsWith("REVOKE ")) {
                    Matcher m = ROLE.matcher(line);
                    while (m.find()) {
                        String role = m.group(1);
                        if (!role.equalsIgnoreCase("PUBLIC") && !role.equals("postgres")) {
                            roles.add(role.startsWith("\"") ? role : "\"" + role + "\"");
                        }
                    }
                }
            }
        }
        return roles;
    }
}
