package io.knobwright.connectors.backup;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File surgery the backup tests damage copies with, and the commands they make backups with. */
final class BackupFiles {

    private BackupFiles() {
    }

    static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    /** Inverts 16 bytes from {@code at}. */
    static void flip(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            for (long i = at; i < at + 16; i++) {
                f.seek(i);
                int b = f.read();
                f.seek(i);
                f.write(b ^ 0xff);
            }
        }
    }

    /** A file inside an uncompressed tar: its name, where its content starts, its size. */
    record TarMember(String name, long dataOffset, long size) {
    }

    /** The regular files of a tar, read from its headers (names and octal sizes as pg_basebackup writes them). */
    static List<TarMember> members(Path tar) throws IOException {
        List<TarMember> members = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(tar.toFile(), "r")) {
            long at = 0;
            byte[] header = new byte[512];
            while (at + 512 <= f.length()) {
                f.seek(at);
                f.readFully(header);
                if (header[0] == 0) {
                    break;
                }
                int end = 0;
                while (end < 100 && header[end] != 0) {
                    end++;
                }
                String name = new String(header, 0, end, StandardCharsets.UTF_8);
                long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).strip(), 8);
                if (header[156] == '0' || header[156] == 0) {
                    members.add(new TarMember(name, at + 512, size));
                }
                at += 512 + (size + 511) / 512 * 512;
            }
        }
        return members;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs a command; its output when it succeeds, else an exception with the output. */
    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
