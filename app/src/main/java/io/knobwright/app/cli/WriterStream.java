package io.knobwright.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** A PrintStream onto the session's writer, for benches that report on a PrintStream as they go. */
final class WriterStream {

    private WriterStream() {
    }

    static PrintStream of(PrintWriter writer) {
        OutputStream bytes = new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                pending.write(b);
                if (b == '\n') {
                    flush();
                }
            }

            // PrintStream hands over whole encoded strings, so the pending bytes never end mid-character.
            @Override
            public void flush() {
                writer.write(pending.toString(StandardCharsets.UTF_8));
                writer.flush();
                pending.reset();
            }
        };
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
