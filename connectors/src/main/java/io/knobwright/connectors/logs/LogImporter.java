package io.knobwright.connectors.logs;

import io.knobwright.model.UserError;
import io.knobwright.model.health.ConnectionEvent;
import io.knobwright.model.workload.LoggedStatement;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;

/**
 * Turns a server's log into {@link LoggedStatement}s, streaming: the file is read in large byte windows and never
 * held whole. {@link #inspect} settles the format (and a stderr log's prefix) from the first 256 kB; {@link #run}
 * parses, on one thread or on several that each take a byte range starting at a record (decision 0122). A
 * statement's sink is called on the thread that parsed it, so a caller that runs several threads gives each its own
 * sink and merges what they gathered.
 */
public final class LogImporter {

    static final int HEAD = 256 * 1024;
    private static final int SAMPLE_LINES = 400;

    private LogImporter() {
    }

    /**
     * Opens the file's first bytes and settles what it is. {@code format} and {@code prefix} may be null (detect
     * them). Throws a {@link UserError} saying what was expected, what the first lines are and what to give when
     * the file is not a log of that format or of any known one.
     */
    public static LogSource inspect(Path file, LogFormat format, String prefix) {
        long size;
        byte[] head = new byte[HEAD];
        int n;
        boolean gzip;
        try {
            size = Files.size(file);
            try (InputStream raw = Files.newInputStream(file)) {
                byte[] magic = raw.readNBytes(2);
                gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            }
            try (InputStream in = open(file, gzip)) {
                n = in.readNBytes(head, 0, HEAD);
            }
        } catch (NoSuchFileException e) {
            throw UserError.input("No file " + file + ": give the path of a server log.");
        } catch (IOException e) {
            throw UserError.input("Cannot read " + file + " (" + e.getMessage() + ")" + ": check the path and its permissions.");
        }
        if (prefix != null && format != null && format != LogFormat.STDERR) {
            throw UserError.input("--prefix is for stderr logs; a " + format.cliName() + " log has its fields in columns.");
        }
        if (prefix != null && format == null) {
            format = LogFormat.STDERR;
        }
        int start = 0;
        while (start < n && (head[start] == '\n' || head[start] == '\r' || head[start] == ' ')) {
            start++;
        }
        List<byte[]> lines = PrefixDetector.lines(head, n).stream().limit(SAMPLE_LINES).toList();
        if (lines.isEmpty() && n > 0) {
            lines = List.of(java.util.Arrays.copyOf(head, n));
        }
        LogFormat sniffed = sniff(head, start, n, lines);
        if (format == null) {
            if (n == 0) {
                throw UserError.input(file + " is empty: there is no statement to import.");
            }
            if (sniffed == null || sniffed == LogFormat.STDERR) {
                Optional<PrefixDetector.Detected> detected = PrefixDetector.detect(lines);
                if (detected.isEmpty()) {
                    throw notALog(file, null, lines, "");
                }
                return new LogSource(file, size, gzip, LogFormat.STDERR, true, detected.get().prefix(),
                        detected.get().inferred() ? "inferred" : "detected");
            }
            return new LogSource(file, size, gzip, sniffed, true, "", "");
        }
        if (format == LogFormat.STDERR) {
            if (prefix == null) {
                Optional<PrefixDetector.Detected> detected = PrefixDetector.detect(lines);
                if (detected.isEmpty()) {
                    throw notALog(file, format, lines, sniffed != null && sniffed != LogFormat.STDERR
                            ? " It looks like " + sniffed.description() + "." : "");
                }
                return new LogSource(file, size, gzip, format, false, detected.get().prefix(),
                        detected.get().inferred() ? "inferred" : "detected");
            }
            LinePrefix compiled = LinePrefix.compile(prefix);
            LinePrefix.Match m = new LinePrefix.Match();
            long matching = lines.stream().filter(l -> l.length > 0 && l[0] != '\t')
                    .filter(l -> compiled.match(l, 0, RecordParser.contentEnd(l, 0, l.length), m) >= 0).count();
            if (n > 0 && matching == 0) {
                Optional<PrefixDetector.Detected> detected = PrefixDetector.detect(lines);
                throw UserError.input("No line of " + file + " starts with the log_line_prefix '" + prefix
                        + "' followed by a severity (LOG:, ERROR: ...). Its first lines are:\n" + firstLines(lines)
                        + "\n" + detected.map(d -> "They match the prefix '" + d.prefix() + "': give that, or leave"
                        + " --prefix out to have it detected.").orElse("Give the server's own value (SHOW log_line_prefix;)"
                        + ", or leave --prefix out to have it detected."));
            }
            return new LogSource(file, size, gzip, format, false, prefix, "given");
        }
        if (n > 0 && sniffed != format) {
            throw notALog(file, format, lines, sniffed != null ? " It looks like " + sniffed.description()
                    + ": give --format " + sniffed.cliName() + "." : "");
        }
        return new LogSource(file, size, gzip, format, false, "", "");
    }

    /** Parses the whole log on this thread. */
    public static ImportCounts run(LogSource source, Consumer<LoggedStatement> sink, ImportControl control) {
        return run(source, 1, i -> sink, control);
    }

    /**
     * Parses the log on {@code threads} threads, each over its own byte range with its own sink
     * ({@code sinks.apply(i)}); a gzip file or a slow log is read on one thread whatever is asked. A statement that
     * log_statement wrote in one range and whose duration lands in the next is delivered, once both are parsed, to
     * the first range's sink on the calling thread.
     */
    public static ImportCounts run(LogSource source, int threads, IntFunction<Consumer<LoggedStatement>> sinks,
                                   ImportControl control) {
        return run(source, threads, sinks, null, control);
    }

    /**
     * As {@link #run(LogSource, int, IntFunction, ImportControl)}, and also hands each PostgreSQL log_connections /
     * log_disconnections line as a {@link ConnectionEvent} to {@code events.apply(i)} of the range it is in (on that
     * range's thread); {@code events} null leaves them out.
     */
    public static ImportCounts run(LogSource source, int threads, IntFunction<Consumer<LoggedStatement>> sinks,
                                   IntFunction<Consumer<ConnectionEvent>> events, ImportControl control) {
        boolean splittable = !source.gzip() && source.format() != LogFormat.MYSQL_SLOW && source.size() > 4L << 20;
        int parts = splittable ? Math.max(1, threads) : 1;
        long[] starts = new long[parts + 1];
        starts[parts] = Long.MAX_VALUE;
        for (int i = 1; i < parts; i++) {
            starts[i] = resync(source, source.size() * i / parts);
        }
        RecordParser[] parsers = new RecordParser[parts];
        ImportCounts[] counts = new ImportCounts[parts];
        if (parts == 1) {
            counts[0] = parse(source, 0, starts[1], sinks.apply(0), events, control, parsers, 0);
        } else {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> running = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                int part = i;
                Consumer<LoggedStatement> sink = sinks.apply(i);
                running.add(Thread.ofPlatform().name("log-import-" + i).start(() -> {
                    try {
                        counts[part] = parse(source, starts[part], starts[part + 1], sink, events, control, parsers, part);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                        control.cancel();
                    }
                }));
            }
            for (Thread t : running) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    control.cancel();
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("The log import was interrupted.");
                }
            }
            if (failure.get() != null) {
                Throwable t = failure.get();
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(t);
            }
        }
        ImportCounts total = joinWaiting(parsers, counts);
        for (int i = 1; i < parts; i++) {
            total = total.plus(counts[i]);
        }
        return total;
    }

    /** Pairs statements still waiting at a range's end with the first lone duration of their process in the next. */
    private static ImportCounts joinWaiting(RecordParser[] parsers, ImportCounts[] counts) {
        for (int i = 0; i < parsers.length; i++) {
            PgStatements here = statements(parsers[i]);
            if (here == null) {
                continue;
            }
            PgStatements next = i + 1 < parsers.length ? statements(parsers[i + 1]) : null;
            if (next != null) {
                for (Map.Entry<Long, LoggedStatement> w : List.copyOf(here.waiting.entrySet())) {
                    Double ms = next.orphanDurations.remove(w.getKey());
                    if (ms != null) {
                        LoggedStatement s = w.getValue();
                        here.waiting.remove(w.getKey());
                        here.emit(new LoggedStatement(s.at(), s.session(), s.user(), s.database(), s.application(), ms,
                                s.rows(), s.text()));
                        counts[i + 1].skipped--;
                    }
                }
            }
            here.finish();
        }
        return counts[0];
    }

    private static PgStatements statements(RecordParser parser) {
        return switch (parser) {
            case StderrParser p -> p.statements;
            case CsvLogParser p -> p.statements;
            case JsonLogParser p -> p.statements;
            default -> null;
        };
    }

    private static ImportCounts parse(LogSource source, long from, long to, Consumer<LoggedStatement> sink,
                                      IntFunction<Consumer<ConnectionEvent>> events, ImportControl control,
                                      RecordParser[] parsers, int part) {
        try (FileChannel channel = FileChannel.open(source.file(), StandardOpenOption.READ)) {
            channel.position(from);
            InputStream in = Channels.newInputStream(channel);
            ByteWindow window;
            if (source.gzip()) {
                window = new ByteWindow(new GZIPInputStream(new CountingStream(in, control), 1 << 16), 0,
                        ByteWindow.DEFAULT_SIZE, control, false);
            } else {
                window = new ByteWindow(in, from, ByteWindow.DEFAULT_SIZE, control);
            }
            RecordParser parser = switch (source.format()) {
                case STDERR -> new StderrParser(window, to, LinePrefix.compile(source.prefix()), sink);
                case CSVLOG -> new CsvLogParser(window, to, sink);
                case JSONLOG -> new JsonLogParser(window, to, sink);
                case MYSQL_SLOW -> new MySqlSlowLogParser(window, to, sink, ZoneId.systemDefault());
            };
            PgStatements statements = statements(parser);
            if (events != null && statements != null) {
                statements.connections = events.apply(part);
            }
            parsers[part] = parser;
            return parser.run();
        } catch (IOException e) {
            throw UserError.input("Cannot read " + source.file() + " (" + e.getMessage() + ")"
                    + (source.gzip() ? ": the gzip data is damaged or cut short." : "."));
        } catch (UncheckedIOException e) {
            throw UserError.input("Cannot read " + source.file() + " (" + e.getCause().getMessage() + ")"
                    + (source.gzip() ? ": the gzip data is damaged or cut short." : "."));
        }
    }

    /** The first record start at or after {@code at}: a line start that the format's records begin with. */
    static long resync(LogSource source, long at) {
        if (at <= 0) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(source.file(), StandardOpenOption.READ)) {
            long position = at - 1;
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            byte[] b = buffer.array();
            boolean lineStartNext = false;
            while (true) {
                buffer.clear();
                int n = channel.read(buffer, position);
                if (n <= 0) {
                    return source.size();
                }
                boolean last = position + n >= source.size();
                // keep a record's first bytes in view: what is not scanned now is read again with the next block
                int scanTo = last ? n : n - 64;
                for (int i = 0; i < scanTo; i++) {
                    if (lineStartNext && position + i >= at && startsRecord(source.format(), b, i, n)) {
                        return position + i;
                    }
                    lineStartNext = b[i] == '\n';
                }
                if (last) {
                    return source.size();
                }
                position += scanTo;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsRecord(LogFormat format, byte[] b, int i, int n) {
        return switch (format) {
            case STDERR -> b[i] != '\t';
            case CSVLOG -> {
                int end = LinePrefix.timestamp(b, i, n);
                yield end > 0 && end < n && b[end] == ',';
            }
            case JSONLOG -> b[i] == '{';
            case MYSQL_SLOW -> MySqlSlowLogParser.startsEntry(b, i, n);
        };
    }

    private static LogFormat sniff(byte[] head, int start, int n, List<byte[]> lines) {
        if (start >= n) {
            return null;
        }
        if (head[start] == '{' && start + 1 < n && head[start + 1] == '"') {
            return LogFormat.JSONLOG;
        }
        int t = LinePrefix.timestamp(head, start, n);
        if (t > 0 && t < n && head[t] == ',') {
            return LogFormat.CSVLOG;
        }
        for (byte[] line : lines.subList(0, Math.min(lines.size(), 50))) {
            if (MySqlSlowLogParser.startsEntry(line, 0, line.length)
                    || MySqlSlowLogParser.isBanner(line, 0, line.length)) {
                return LogFormat.MYSQL_SLOW;
            }
        }
        return PrefixDetector.detect(lines).isPresent() ? LogFormat.STDERR : null;
    }

    private static UserError notALog(Path file, LogFormat expected, List<byte[]> lines, String hint) {
        String what = expected != null ? expected.description() : "a PostgreSQL stderr log (lines like '2024-05-01"
                + " 10:11:12.345 UTC [4242] LOG:  duration: 0.3 ms  statement: ...', the server's log_line_prefix"
                + " before the severity), csvlog or jsonlog, or a MySQL/MariaDB slow query log";
        return UserError.input(file + " is not " + what + "." + hint + " Its first lines are:\n" + firstLines(lines)
                + "\nGive --format (stderr, csvlog, jsonlog, mysql-slow) and, for a stderr log, --prefix with the"
                + " server's log_line_prefix (SHOW log_line_prefix;).");
    }

    private static String firstLines(List<byte[]> lines) {
        StringBuilder s = new StringBuilder();
        for (byte[] line : lines.subList(0, Math.min(3, lines.size()))) {
            String text = new String(line, StandardCharsets.UTF_8).replace("\r", "");
            s.append("  ").append(text.length() > 160 ? text.substring(0, 160) + "..." : text).append('\n');
        }
        return s.isEmpty() ? "  (no complete line)" : s.substring(0, s.length() - 1);
    }

    private static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Counts the compressed bytes read, so progress compares with the file's size. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final ImportControl control;

        CountingStream(InputStream in, ImportControl control) {
            super(in);
            this.control = control;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                control.addBytes(1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                control.addBytes(n);
            }
            return n;
        }
    }
}
