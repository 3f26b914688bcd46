package io.knobwright.app.cli;

import io.knobwright.model.UserError;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.workload.Fingerprint;
import io.knobwright.model.workload.Fingerprinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "fingerprint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Reads one statement per line on stdin and prints one line for each, in input order:",
                "FINGERPRINT<TAB>normalised statement, the fingerprint as 16 hex digits (decision 0121). A line that is",
                "empty, blank or only a comment prints an empty line. Bytes that are not UTF-8 read as U+FFFD; a line",
                "longer than 1,048,576 characters is fingerprinted on its first 1,048,576."})
final class WorkloadFingerprintCommand implements Callable<Integer> {

    /** Longer lines are cut: the normalised text stops at 16,384 characters long before this. */
    static final int MAX_LINE = 1 << 20;

    private final CliSession session;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "postgresql",
            description = "Whose SQL the lines are: postgresql (default), mysql or mariadb (\"strings\", # comments).")
    private String engine;

    WorkloadFingerprintCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Fingerprinter fingerprinter = Fingerprinter.of(Engine.require(engine));
        Reader in = new InputStreamReader(session.in(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        StringBuilder line = new StringBuilder();
        char[] buffer = new char[64 * 1024];
        boolean pending = false;
        try {
            for (int read; (read = in.read(buffer)) > 0; ) {
                int from = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        append(line, buffer, from, i);
                        print(fingerprinter, line);
                        line.setLength(0);
                        pending = false;
                        from = i + 1;
                    }
                }
                append(line, buffer, from, read);
                pending |= from < read;
            }
        } catch (IOException e) {
            throw UserError.input("Could not read the statements on stdin: " + e.getMessage());
        }
        if (pending) {
            print(fingerprinter, line);
        }
        session.out().flush();
        return ExitCodes.OK;
    }

    private static void append(StringBuilder line, char[] buffer, int from, int to) {
        int room = MAX_LINE - line.length();
        if (room > 0) {
            line.append(buffer, from, Math.min(room, to - from));
        }
    }

    private void print(Fingerprinter fingerprinter, StringBuilder line) {
        if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        Fingerprint f = fingerprinter.fingerprint(line);
        if (f.normalized().isEmpty()) {
            session.out().println();
        } else {
            session.out().append(f.hex()).append('\t').append(f.normalized()).println();
        }
    }
}
