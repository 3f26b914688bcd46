package io.knobwright.app.cli;

import io.knobwright.app.Main;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A child JVM that runs several command lines one after the other through {@link Main#run}, each opening and
 * closing the store as a separate {@code knobwright} process would, and then ends like the CLI does
 * ({@code System.exit}, so H2's shutdown hook closes a store this process happens to be serving).
 * Arguments: a file with one command line per line (arguments separated by tabs) and a file for the exit codes.
 */
public final class CliBatchProcess {

    public static void main(String[] args) throws IOException {
        List<String> codes = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            codes.add(line + " => " + Main.run(line.split("\t")));
            Files.write(Path.of(args[1]), codes, StandardCharsets.UTF_8);
        }
        System.exit(0);
    }

    /** Starts a batch with the test's class path; stdout and stderr go to files next to the command file. */
    static Process start(Path commands, Path exitCodes) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", shippedClassPath(), CliBatchProcess.class.getName(),
                commands.toString(), exitCodes.toString());
        return new ProcessBuilder(command)
                .redirectOutput(commands.resolveSibling(commands.getFileName() + ".out").toFile())
                .redirectError(commands.resolveSibling(commands.getFileName() + ".err").toFile())
                .start();
    }

    /** Without slf4j-api, which knobwright.jar does not ship (see CliWithoutDisplayTest). */
    private static String shippedClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-api"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
