package io.knobwright.model.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store's files and its server are for its owner only (decision 0043): whatever the mode of the data directory,
 * every file in it is rw-------, and the server that shares the store with other processes listens on the loopback.
 */
class StoreFilesAndServerTest {

    @TempDir
    Path temp;

    @Test
    void everyFileOfTheStoreIsOwnerOnlyInADirectoryOthersCanRead() throws Exception {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path dir = Files.createDirectory(temp.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        try (KnobwrightStore store = KnobwrightStore.open(dir)) {
            store.vault().seal("s3cret");
            assertThat(dir.resolve("knobwright.lock.db")).as("holds the server's key").exists();
            assertThat(modes(dir)).containsKeys("knobwright.mv.db", "knobwright.lock.db", "vault.key")
                    .allSatisfy((file, mode) -> assertThat(mode).as(file).isEqualTo("rw-------"));
        }
        assertThat(modes(dir)).allSatisfy((file, mode) -> assertThat(mode).as(file).isEqualTo("rw-------"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .as("a directory the user chose keeps its mode").isEqualTo("rwxr-xr-x");
    }

    @Test
    void filesAnOlderKnobwrightLeftReadableAreMadeOwnerOnlyOnOpening() throws Exception {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        KnobwrightStore.open(temp).close();
        Files.setPosixFilePermissions(temp.resolve("knobwright.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(temp.resolve("knobwright.trace.db"), "old trace");
        Files.setPosixFilePermissions(temp.resolve("knobwright.trace.db"), PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.writeString(temp.resolve("notes.txt"), "not ours");
        Files.setPosixFilePermissions(temp.resolve("notes.txt"), PosixFilePermissions.fromString("rw-r--r--"));

        KnobwrightStore.open(temp).close();

        assertThat(modes(temp)).containsEntry("knobwright.mv.db", "rw-------").containsEntry("knobwright.trace.db", "rw-------")
                .as("a file that is not the store's is left alone").containsEntry("notes.txt", "rw-r--r--");
    }

    @Test
    void storeServerListensOnTheLoopbackOnly() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "reads the listening sockets from /proc/net");
        Process server = StoreChildProcess.start("serve", temp.toString(), "30");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
            assertThat(out.readLine()).startsWith("ready ");
            String address = lockFileProperty(temp, "server");
            int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));

            List<String> listening = listeningAddresses(port);

            assertThat(listening).as("sockets listening on port %d", port).isNotEmpty().containsOnly("127.0.0.1");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStoreIsNotServedBeyondTheLoopback() {
        assertThatThrownBy(() -> LoopbackServer.require("0.0.0.0"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("would listen on 0.0.0.0 (-Dh2.bindAddress)")
                .hasMessageContaining("Remove that option");
        assertThatThrownBy(() -> LoopbackServer.require(null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("would listen on every network interface");
        LoopbackServer.require("127.0.0.1");
        LoopbackServer.require("::1");
        LoopbackServer.require("localhost");
    }

    @Test
    void aFailedOpeningLeavesNoTraceFile() throws Exception {
        KnobwrightStore.open(temp).close();
        Process holder = StoreChildProcess.start("hold-exclusive", temp.toString(), "30");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            assertThat(out.readLine()).isEqualTo("ready");

            assertThatThrownBy(() -> KnobwrightStore.open(temp, StoreContention.PATIENCE, Duration.ZERO))
                    .isInstanceOf(StoreException.class);
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".trace.db"));
        }
    }

    private static Map<String, String> modes(Path dir) throws Exception {
        Map<String, String> modes = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                modes.put(file.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        return modes;
    }

    private static String lockFileProperty(Path dir, String key) throws Exception {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("knobwright.lock.db"))) {
            lock.load(in);
        }
        return lock.getProperty(key);
    }

    /** Local addresses of the sockets in state LISTEN on {@code port}, from the kernel's tables (IPv4 and IPv6). */
    private static List<String> listeningAddresses(int port) throws Exception {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            // read once: other processes open and close sockets between two reads, and the table grows or shrinks
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+");
                String[] local = fields[1].split(":");
                if (fields[3].equals("0A") && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    /**
     * The kernel prints addresses as 32-bit hex words in host byte order (little-endian here). Java binds IPv4 on a
     * dual-stack socket, which shows as the IPv4-mapped IPv6 address ::ffff:a.b.c.d.
     */
    private static String address(String hex) {
        if (hex.startsWith("0000000000000000FFFF0000")) {
            return address(hex.substring(24));
        }
        if (hex.length() == 8) {
            long word = Long.parseLong(hex, 16);
            return (word & 0xff) + "." + (word >> 8 & 0xff) + "." + (word >> 16 & 0xff) + "." + (word >> 24 & 0xff);
        }
        return hex.equals("00000000000000000000000000000000") ? "::" : "ipv6:" + hex;
    }
}
