package io.knobwright.model.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads my.cnf the way mysqld and mariadbd do: [group] headers, {@code name = value} or a bare {@code name},
 * # and ; comments, quoted values, and !include / !includedir (files ending in .cnf or .ini, by name) relative
 * to the including file. Every group is kept ({@link MyCnfFile#serverOptions} picks a server's); option names
 * are lower-cased with dashes as underscores and without {@code loose-}. What a name means ({@code skip-x},
 * startup options) depends on the server version's catalog: {@link MyCnfOptions}.
 */
public final class MyCnfParser {

    private final FileSource files;

    public MyCnfParser(FileSource files) {
        this.files = files;
    }

    public MyCnfFile parse(Path file) {
        String text = ConfigText.read(files, file);
        List<String> groups = new ArrayList<>();
        List<MyCnfOption> options = new ArrayList<>();
        parse(file, text, groups, options, 0);
        return new MyCnfFile(groups, options);
    }

    /** Each file starts outside any group, as in the servers: an included file's options need their own header. */
    private void parse(Path file, String text, List<String> groups, List<MyCnfOption> options, int depth) {
        ConfigText.check(file, text, depth);
        List<String> lines = text.lines().toList();
        String group = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String s = lines.get(i).strip();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith(";")) {
                continue;
            }
            Path dir = file.toAbsolutePath().getParent();
            if (s.startsWith("!includedir")) {
                for (Path p : files.list(dir.resolve(s.substring("!includedir".length()).strip()))) {
                    String n = p.getFileName().toString();
                    if (n.endsWith(".cnf") || n.endsWith(".ini")) {
                        parse(p, files.read(p).orElse(""), groups, options, depth + 1);
                    }
                }
                continue;
            }
            if (s.startsWith("!include")) {
                Path target = dir.resolve(s.substring("!include".length()).strip());
                String included = files.read(target).orElseThrow(() ->
                        new ConfigFileException(file.toString(), lineNo, "included file " + target + " does not exist"));
                parse(target, included, groups, options, depth + 1);
                continue;
            }
            boolean named = depth == 0;
            if (s.startsWith("[")) {
                if (!s.endsWith("]")) {
                    throw new ConfigFileException(file.toString(), lineNo, named ? "section header " + ConfigText.quoted(s)
                            + " has no closing ]" : "a section header has no closing ]" + ConfigText.NOT_QUOTED);
                }
                group = s.substring(1, s.length() - 1).strip().toLowerCase(Locale.ROOT);
                groups.add(group);
                continue;
            }
            if (group == null) {
                throw new ConfigFileException(file.toString(), lineNo, (named ? ConfigText.quoted(s) : "a line")
                        + " comes before any [group], which the server refuses; put it under [mysqld] (or the group it"
                        + " belongs to)" + (named ? "" : ConfigText.NOT_QUOTED));
            }
            options.add(option(group, s, file.toString(), lineNo, named));
        }
    }

    /** @param named the line is from the file the user named, so messages may quote it */
    private static MyCnfOption option(String group, String s, String file, int lineNo, boolean named) {
        int eq = s.indexOf('=');
        String rawName = (eq < 0 ? stripComment(s) : s.substring(0, eq)).strip();
        if (rawName.isEmpty() || !rawName.matches("[A-Za-z0-9_.\\-]+")) {
            throw new ConfigFileException(file, lineNo, named ? ConfigText.quoted(rawName) + " is not an option name"
                    : "the line holds no option name" + ConfigText.NOT_QUOTED);
        }
        String name = rawName.toLowerCase(Locale.ROOT).replace('-', '_');
        boolean loose = name.startsWith("loose_");
        if (loose) {
            name = name.substring("loose_".length());
        }
        String value = eq < 0 ? null : value(s.substring(eq + 1).strip(), file, lineNo, name, named);
        return new MyCnfOption(group, name, loose, value, file, lineNo);
    }

    private static String value(String raw, String file, int lineNo, String name, boolean named) {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            char quote = raw.charAt(0);
            int end = raw.indexOf(quote, 1);
            if (end < 0) {
                throw new ConfigFileException(file, lineNo, named ? "unterminated quoted value for " + name
                        : "a quoted value is not closed" + ConfigText.NOT_QUOTED);
            }
            String rest = raw.substring(end + 1).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                throw new ConfigFileException(file, lineNo, named ? "unexpected text after the value of " + name + ": "
                        + ConfigText.quoted(rest) : "unexpected text after a value" + ConfigText.NOT_QUOTED);
            }
            return raw.substring(1, end);
        }
        String value = stripComment(raw).strip();
        if (value.isEmpty()) {
            throw new ConfigFileException(file, lineNo, named ? name + " has no value after '='"
                    : "an option has no value after '='" + ConfigText.NOT_QUOTED);
        }
        return value;
    }

    private static String stripComment(String s) {
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }
}
