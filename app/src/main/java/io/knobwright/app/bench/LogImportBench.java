package io.knobwright.app.bench;

import io.knobwright.connectors.logs.ImportControl;
import io.knobwright.connectors.logs.ImportCounts;
import io.knobwright.connectors.logs.LogFormat;
import io.knobwright.connectors.logs.LogImporter;
import io.knobwright.connectors.logs.LogSource;
import io.knobwright.model.workload.LoggedStatement;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The stderr log import's throughput: a generated PostgreSQL stderr log of the asked size (prefix '%m [%p] %q%u@%d ',
 * the Debian default) with varied statements as servers write them with log_min_duration_statement = 0: simple
 * and extended-protocol statements (parse, bind, execute, DETAIL parameters), multi-line ones, IN and VALUES lists,
 * dollar quoting, checkpoints and an error now and then. It is parsed with one and with two threads into a sink that
 * reads each statement's text (so nothing is optimised away), and MB/s is printed next to the target. The file is
 * written in a temporary directory, read from the page cache (the figure is the parser's, not the disk's), and
 * deleted after. Parse only: fingerprinting and aggregation are wired in later.
 */
public final class LogImportBench {

    static final double TARGET_MB_PER_S = 300;

    public record Result(long bytes, long statements, double oneThreadMbPerS, double twoThreadsMbPerS) {
        public boolean meetsTarget() {
            return twoThreadsMbPerS >= TARGET_MB_PER_S;
        }
    }

    private LogImportBench() {
    }

    public static Result run(long sizeBytes, PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("knobwright-log-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = dir.resolve("postgresql.log");
        try {
            long start = System.nanoTime();
            long written = generate(log, sizeBytes);
            double genSeconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "Log import bench: a PostgreSQL stderr log of %.0f MB generated in %.1f s (%s)%n",
                    written / 1e6, genSeconds, log);
            out.println(Targets.machine());
            LogSource source = LogImporter.inspect(log, LogFormat.STDERR, null);
            out.println("  read as " + source.describe());
            // a warm-up pass over the first part would not be representative; the first run is measured as is
            Run parsed = parse(source, 2);
            out.printf(Locale.ROOT, "  parse only, 2 threads: %,d statements, %,d other records, %d malformed in %.2f s:"
                    + " %.0f MB/s (%.0f MB per CPU-second of the process)%n", parsed.statements, parsed.skipped,
                    parsed.malformed, parsed.seconds, parsed.mbPerS(written), parsed.mbPerCpuS(written));
            // what `workload import-log` does before it writes to the store: parse, fingerprint, digest, N+1 bursts
            Run one = digest(source, 1, out);
            Run two = digest(source, 2, out);
            Result r = new Result(written, two.statements, one.mbPerS(written), two.mbPerS(written));
            out.printf(Locale.ROOT, "  import, 1 thread : %.2f s: %.0f MB/s (%.0f MB per CPU-second)%n", one.seconds,
                    r.oneThreadMbPerS(), one.mbPerCpuS(written));
            out.printf(Locale.ROOT, "  import, 2 threads: %.2f s: %.0f MB/s (%.0f MB per CPU-second)    target"
                    + " >= %.0f MB/s on 2 cores (parse, fingerprint, digest, bursts)    %s%n",
                    two.seconds, r.twoThreadsMbPerS(), two.mbPerCpuS(written), TARGET_MB_PER_S,
                    Targets.verdict(r.meetsTarget()));
            out.println("  MB per CPU-second does not shrink when other processes share the cores; wall MB/s does.");
            if (one.statements != two.statements || parsed.statements != two.statements) {
                out.println("  MISMATCH: one and two threads found different numbers of statements");
            }
            return r;
        } finally {
            try {
                Files.deleteIfExists(log);
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                out.println("  could not delete " + dir + ": " + e.getMessage());
            }
        }
    }

    private record Run(long statements, long skipped, long malformed, double seconds, double cpuSeconds) {
        double mbPerS(long bytes) {
            return bytes / 1e6 / seconds;
        }

        double mbPerCpuS(long bytes) {
            return bytes / 1e6 / cpuSeconds;
        }
    }

    /** The import's whole path short of the store: what {@link io.knobwright.app.workload.LogDigesting} does. */
    private static Run digest(LogSource source, int threads, PrintStream out) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        var digested = io.knobwright.app.workload.LogDigesting.run(source, threads,
                io.knobwright.model.workload.Fingerprinter.POSTGRESQL, java.time.ZoneOffset.UTC, new ImportControl());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        out.printf(Locale.ROOT, "    %d thread(s): %,d fingerprints, %,d N+1 bursts%n", threads, digested.digest().size(),
                digested.bursts().size());
        ImportCounts counts = digested.counts();
        return new Run(counts.statements(), counts.skipped(), counts.malformed(), seconds, cpuSeconds);
    }

    private static Run parse(LogSource source, int threads) {
        long[] textBytes = new long[threads];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        ImportCounts counts = LogImporter.run(source, threads, i -> (Consumer<LoggedStatement>) s ->
                textBytes[i] += s.text().length() + (long) s.durationMs(), new ImportControl());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long sum = 0;
        for (long t : textBytes) {
            sum += t;
        }
        if (sum == 42) {
            System.out.print("");
        }
        return new Run(counts.statements(), counts.skipped(), counts.malformed(), seconds, cpuSeconds);
    }

    private static final String[] USERS = {"app", "report", "batch", "postgres"};
    private static final String[] DATABASES = {"shop", "billing", "analytics"};

    /** Writes about {@code size} bytes of log; answers the size written. */
    static long generate(Path file, long size) {
        SplittableRandom random = new SplittableRandom(11);
        Out out = new Out();
        long written = 0;
        long epochMs = 1_714_558_272_000L;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (written < size) {
                out.clear();
                for (int i = 0; i < 2000; i++) {
                    epochMs += random.nextInt(3);
                    entry(out, random, epochMs);
                }
                channel.write(ByteBuffer.wrap(out.bytes, 0, out.length));
                written += out.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private static void entry(Out o, SplittableRandom r, long epochMs) {
        int pid = 1000 + r.nextInt(200);
        String user = USERS[pid % USERS.length];
        String db = DATABASES[pid % DATABASES.length];
        int kind = r.nextInt(100);
        if (kind < 40) {
            prefix(o, epochMs, pid, user, db).add("LOG:  duration: ").ms(r).add(" ms  statement: ");
            simple(o, r);
        } else if (kind < 70) {
            String name = r.nextInt(4) == 0 ? "<unnamed>" : "S_" + (1 + r.nextInt(30));
            prefix(o, epochMs, pid, user, db).add("LOG:  duration: ").ms(r).add(" ms  parse ").add(name).add(": ");
            int n = r.nextInt(6);
            extended(o, n);
            prefix(o, epochMs, pid, user, db).add("LOG:  duration: ").ms(r).add(" ms  bind ").add(name).add(": ");
            extended(o, n);
            prefix(o, epochMs, pid, user, db).add("DETAIL:  parameters: $1 = '").num(r.nextInt(1_000_000))
                    .add("', $2 = 'o''neil'\n");
            prefix(o, epochMs, pid, user, db).add("LOG:  duration: ").ms(r).add(" ms  execute ").add(name).add(": ");
            extended(o, n);
            prefix(o, epochMs, pid, user, db).add("DETAIL:  parameters: $1 = '").num(r.nextInt(1_000_000))
                    .add("', $2 = 'o''neil'\n");
        } else if (kind < 85) {
            prefix(o, epochMs, pid, user, db).add("LOG:  duration: ").ms(r).add(" ms  statement: SELECT o.id,\n")
                    .add("\t       o.total,\n\t       c.name\n\t  FROM orders o\n\t  JOIN customers c ON c.id = o.customer_id\n")
                    .add("\t WHERE o.created_at > now() - interval '").num(1 + r.nextInt(30)).add(" days'\n")
                    .add("\t   AND c.region IN (");
            int n = 1 + r.nextInt(12);
            for (int i = 0; i < n; i++) {
                o.add(i == 0 ? "'" : ", '").add(DATABASES[r.nextInt(3)]).num(r.nextInt(100)).add("'");
            }
            o.add(")\n\t ORDER BY o.total DESC LIMIT ").num(10 + r.nextInt(90)).add("\n");
        } else if (kind < 95) {
            prefix(o, epochMs, pid, user, db).add("LOG:  duration: ").ms(r).add(" ms  statement: INSERT INTO events"
                    + " (id, kind, payload) VALUES ");
            int n = 1 + r.nextInt(20);
            for (int i = 0; i < n; i++) {
                o.add(i == 0 ? "(" : ", (").num(r.nextInt(1 << 30)).add(", 'click', '{\"x\": ").num(r.nextInt(999))
                        .add(", \"it''s\": true}')");
            }
            o.add("\n");
        } else if (kind < 98) {
            prefix(o, epochMs, pid, user, db).add("LOG:  duration: ").ms(r).add(" ms  statement: DO $fn$ BEGIN\n")
                    .add("\t  UPDATE stock SET qty = qty - ").num(1 + r.nextInt(5)).add(" WHERE sku = 'S")
                    .num(r.nextInt(100_000)).add("';\n\tEND $fn$\n");
        } else if (kind < 99) {
            prefix(o, epochMs, pid, user, db).add("ERROR:  duplicate key value violates unique constraint \"events_pkey\"\n");
            prefix(o, epochMs, pid, user, db).add("DETAIL:  Key (id)=(").num(r.nextInt(1000)).add(") already exists.\n");
            prefix(o, epochMs, pid, user, db).add("STATEMENT:  INSERT INTO events (id) VALUES (").num(r.nextInt(1000))
                    .add(")\n");
        } else {
            o.ts(epochMs).add(" [").num(27).add("] LOG:  checkpoint complete: wrote ").num(r.nextInt(5000))
                    .add(" buffers (1.2%); 0 WAL file(s) added, 0 removed, 1 recycled; write=26.9 s, sync=0.003 s,"
                            + " total=27.0 s\n");
        }
    }

    private static Out prefix(Out o, long epochMs, int pid, String user, String db) {
        return o.ts(epochMs).add(" [").num(pid).add("] ").add(user).add("@").add(db).add(" ");
    }

    private static void simple(Out o, SplittableRandom r) {
        switch (r.nextInt(5)) {
            case 0 -> o.add("SELECT * FROM customers WHERE id = ").num(r.nextInt(1_000_000)).add("\n");
            case 1 -> o.add("UPDATE accounts SET balance = balance + ").num(r.nextInt(1000)).add(".").num(r.nextInt(100))
                    .add(" WHERE id = ").num(r.nextInt(100_000)).add("\n");
            case 2 -> o.add("SELECT count(*) FROM orders WHERE status = 'shipped' AND note <> 'it''s late'\n");
            case 3 -> o.add("BEGIN\n");
            default -> o.add("SELECT name, price FROM products WHERE name LIKE 'chair%' AND id IN (")
                    .num(r.nextInt(100)).add(", ").num(r.nextInt(100)).add(", ").num(r.nextInt(100)).add(")\n");
        }
    }

    private static void extended(Out o, int n) {
        switch (n) {
            case 0 -> o.add("SELECT id, total FROM orders WHERE customer_id = $1 AND note <> $2\n");
            case 1 -> o.add("UPDATE sessions SET seen_at = now() WHERE token = $1 AND user_name <> $2\n");
            case 2 -> o.add("INSERT INTO audit (at, who, what) VALUES (now(), $1, $2)\n");
            case 3 -> o.add("SELECT p.id, p.name\n\t  FROM products p\n\t WHERE p.category = $1\n\t   AND p.name <> $2\n");
            case 4 -> o.add("DELETE FROM carts WHERE id = $1 AND owner <> $2\n");
            default -> o.add("SELECT 1 FROM pg_locks WHERE pid = $1 AND mode <> $2\n");
        }
    }

    /** A growing byte buffer with ASCII appenders: generating must be fast next to parsing. */
    private static final class Out {
        byte[] bytes = new byte[1 << 20];
        int length;
        private long cachedSecond = -1;
        private final byte[] secondText = new byte[19];

        void clear() {
            length = 0;
        }

        Out add(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
            return this;
        }

        Out num(long v) {
            return add(Long.toString(v));
        }

        Out ms(SplittableRandom r) {
            int micros = r.nextInt(r.nextInt(10) == 0 ? 5_000_000 : 2_000);
            return num(micros / 1000).add(".").add(String.format(Locale.ROOT, "%03d", micros % 1000));
        }

        /** "2024-05-01 10:11:12.345 UTC". */
        Out ts(long epochMs) {
            long second = epochMs / 1000;
            if (second != cachedSecond) {
                cachedSecond = second;
                String text = java.time.LocalDateTime.ofEpochSecond(second, 0, java.time.ZoneOffset.UTC).toString()
                        .replace('T', ' ');
                if (text.length() == 16) {
                    text += ":00";
                }
                System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, secondText, 0, 19);
            }
            ensure(32);
            System.arraycopy(secondText, 0, bytes, length, 19);
            length += 19;
            int ms = (int) (epochMs % 1000);
            bytes[length++] = '.';
            bytes[length++] = (byte) ('0' + ms / 100);
            bytes[length++] = (byte) ('0' + ms / 10 % 10);
            bytes[length++] = (byte) ('0' + ms % 10);
            return add(" UTC");
        }

        private void ensure(int n) {
            if (length + n > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            }
        }
    }
}
