package io.knobwright.model.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads included files; an interface so parsers are tested without touching the disk. */
public interface FileSource {

    /** Size limit per file: configuration files are small, anything bigger is a mistake. */
    long MAX_BYTES = 4L * 1024 * 1024;

    Optional<String> read(Path path);

    /** Files in a directory, sorted by name (the order PostgreSQL and MySQL read include directories in). */
    List<Path> list(Path directory);

    static FileSource disk() {
        return new FileSource() {
            @Override
            public Optional<String> read(Path path) {
                try {
                    if (!Files.isRegularFile(path)) {
                        return Optional.empty();
                    }
                    if (Files.size(path) > MAX_BYTES) {
                        throw new ConfigFileException(path.toString(), 0, "larger than 4 MB; is this really a configuration file?");
                    }
                    return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
                } catch (java.nio.charset.MalformedInputException e) {
                    throw new ConfigFileException(path.toString(), 0, "not a text file (invalid UTF-8)");
                } catch (IOException e) {
                    throw new ConfigFileException(path.toString(), 0, "cannot be read: " + e.getMessage());
                }
            }

            @Override
            public List<Path> list(Path directory) {
                if (!Files.isDirectory(directory)) {
                    return List.of();
                }
                try (Stream<Path> files = Files.list(directory)) {
                    return files.filter(Files::isRegularFile).sorted().toList();
                } catch (IOException e) {
                    throw new ConfigFileException(directory.toString(), 0, "cannot be listed: " + e.getMessage());
                }
            }
        };
    }
}
