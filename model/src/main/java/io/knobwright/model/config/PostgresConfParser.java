package io.knobwright.model.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads postgresql.conf the way the server does: {@code name = value} or {@code name value}, # comments,
 * single-quoted values with '' and backslash escapes, and include / include_if_exists / include_dir
 * relative to the including file. Later settings win. Nesting is limited like the server's (depth 10).
 */
public final class PostgresConfParser {

    private final FileSource files;

    public PostgresConfParser(FileSource files) {
        this.files = files;
    }

    /** Settings by lower-case name in file order, the last occurrence of each winning. */
    public Map<String, ConfigSetting> parse(Path file) {
        String text = ConfigText.read(files, file);
        Map<String, ConfigSetting> settings = new LinkedHashMap<>();
        parse(file, text, settings, 0);
        return settings;
    }

    /** Parses text that did not come from a file (pasted, or a test); includes resolve against {@code base}. */
    public Map<String, ConfigSetting> parse(String name, String text, Path base) {
        Map<String, ConfigSetting> settings = new LinkedHashMap<>();
        parse(base.resolve(name), text, settings, 0);
        return settings;
    }

    private void parse(Path file, String text, Map<String, ConfigSetting> settings, int depth) {
        ConfigText.check(file, text, depth);
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            Line line = Line.parse(lines.get(i), file.toString(), lineNo, depth == 0);
            if (line == null) {
                continue;
            }
            Path dir = file.toAbsolutePath().getParent();
            switch (line.name().toLowerCase(Locale.ROOT)) {
                case "include" -> include(file, lineNo, dir.resolve(line.value()), true, settings, depth);
                case "include_if_exists" -> include(file, lineNo, dir.resolve(line.value()), false, settings, depth);
                case "include_dir" -> {
                    for (Path p : files.list(dir.resolve(line.value()))) {
                        if (p.getFileName().toString().endsWith(".conf") && !p.getFileName().toString().startsWith(".")) {
                            include(file, lineNo, p, true, settings, depth);
                        }
                    }
                }
                default -> {
                    String key = line.name().toLowerCase(Locale.ROOT);
                    settings.remove(key);
                    settings.put(key, new ConfigSetting(line.name(), line.value(), file.toString(), lineNo));
                }
            }
        }
    }

    private void include(Path from, int lineNo, Path target, boolean required, Map<String, ConfigSetting> settings, int depth) {
        var text = files.read(target);
        if (text.isEmpty()) {
            if (required) {
                throw new ConfigFileException(from.toString(), lineNo, "included file " + target + " does not exist");
            }
            return;
        }
        parse(target, text.get(), settings, depth + 1);
    }

    /** One non-empty, non-comment line split into name and unquoted value. */
    record Line(String name, String value) {

        /**
         * @param named the line is from the file the user named, so messages may quote it; an included file's
         *              lines are never quoted ({@link ConfigText#NOT_QUOTED})
         */
        static Line parse(String raw, String file, int lineNo, boolean named) {
            String s = raw.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                return null;
            }
            int i = identifierEnd(s, 0);
            if (i > 0 && i < s.length() && s.charAt(i) == '.' && identifierEnd(s, i + 1) > i + 1) {
                i = identifierEnd(s, i + 1); // an extension's parameter: pg_stat_statements.track
            }
            if (i == 0) {
                throw new ConfigFileException(file, lineNo, named
                        ? "expected a parameter name, found " + ConfigText.quoted(s.substring(0, s.offsetByCodePoints(0, 1)))
                        : "expected a parameter name" + ConfigText.NOT_QUOTED);
            }
            String name = s.substring(0, i);
            String rest = s.substring(i).stripLeading();
            if (rest.startsWith("=")) {
                rest = rest.substring(1).stripLeading();
            }
            if (rest.isEmpty() || rest.startsWith("#")) {
                throw new ConfigFileException(file, lineNo, named ? name + " has no value" : "a parameter has no value" + ConfigText.NOT_QUOTED);
            }
            String value;
            String after;
            if (rest.startsWith("'")) {
                StringBuilder sb = new StringBuilder();
                int j = 1;
                boolean closed = false;
                while (j < rest.length()) {
                    char c = rest.charAt(j);
                    if (c == '\'' && j + 1 < rest.length() && rest.charAt(j + 1) == '\'') {
                        sb.append('\'');
                        j += 2;
                    } else if (c == '\'') {
                        closed = true;
                        j++;
                        break;
                    } else if (c == '\\' && j + 1 < rest.length()) {
                        sb.append(unescape(rest.charAt(j + 1)));
                        j += 2;
                    } else {
                        sb.append(c);
                        j++;
                    }
                }
                if (!closed) {
                    throw new ConfigFileException(file, lineNo, named ? "unterminated quoted value for " + name
                            : "a quoted value is not closed" + ConfigText.NOT_QUOTED);
                }
                value = sb.toString();
                after = rest.substring(j).strip();
            } else {
                int end = 0;
                while (end < rest.length() && !Character.isWhitespace(rest.charAt(end)) && rest.charAt(end) != '#') {
                    end++;
                }
                value = rest.substring(0, end);
                after = rest.substring(end).strip();
            }
            if (!after.isEmpty() && !after.startsWith("#")) {
                throw new ConfigFileException(file, lineNo, named ? "unexpected text after the value of " + name + ": "
                        + ConfigText.quoted(after) : "unexpected text after a value" + ConfigText.NOT_QUOTED);
            }
            return new Line(name, value);
        }

        /** Where a name starting at {@code from} ends, as the server's lexer reads one: a letter or _, then letters, digits, _. */
        private static int identifierEnd(String s, int from) {
            int i = from;
            while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_'
                    || (i > from && Character.isDigit(s.charAt(i))))) {
                i++;
            }
            return i;
        }

        private static char unescape(char c) {
            return switch (c) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                default -> c;
            };
        }
    }
}
