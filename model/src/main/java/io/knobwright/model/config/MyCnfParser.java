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

    /**
     * As mysys reads a value: a # outside quotes ends it, one pair of enclosing quotes is dropped, and backslash
     * escapes are turned into what they stand for ({@link #unescape}). So {@code "a\nb"} is a value with a line
     * break, as the server sees it, which a template import then refuses.
     *
     * @param named the line is from the file the user named, so messages may quote it
     */
    private static String value(String raw, String file, int lineNo, String name, boolean named) {
        String text = withoutComment(raw).strip();
        if (text.startsWith("\"") || text.startsWith("'")) {
            int end = closingQuote(text);
            if (end < 0) {
                throw new ConfigFileException(file, lineNo, named ? "unterminated quoted value for " + name
                        : "a quoted value is not closed" + ConfigText.NOT_QUOTED);
            }
            String rest = text.substring(end + 1).strip();
            if (!rest.isEmpty()) {
                throw new ConfigFileException(file, lineNo, named ? "unexpected text after the value of " + name + ": "
                        + ConfigText.quoted(rest) : "unexpected text after a value" + ConfigText.NOT_QUOTED);
            }
            return unescape(text.substring(1, end));
        }
        if (text.isEmpty()) {
            throw new ConfigFileException(file, lineNo, named ? name + " has no value after '='"
                    : "an option has no value after '='" + ConfigText.NOT_QUOTED);
        }
        return unescape(text);
    }

    /** The text before a # that is outside quotes (a quote after a backslash is no quote), as mysys cuts comments. */
    private static String withoutComment(String raw) {
        char quote = 0;
        boolean escaped = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c == '"' || c == '\'') && !escaped) {
                quote = quote == 0 ? c : quote == c ? 0 : quote;
            } else if (c == '#' && quote == 0) {
                return raw.substring(0, i);
            }
            escaped = c == '\\' && !escaped;
        }
        return raw;
    }

    /** Where the quote that opens {@code text} closes, skipping escaped ones; -1 when it does not. */
    private static int closingQuote(String text) {
        char quote = text.charAt(0);
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    /** mysys's escapes in option values (my_default.c); an unknown one keeps its backslash ({@code C:\data}). */
    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i == value.length() - 1) {
                sb.append(c);
                continue;
            }
            char next = value.charAt(++i);
            switch (next) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 's' -> sb.append(' ');
                case '"', '\'', '\\' -> sb.append(next);
                default -> sb.append('\\').append(next);
            }
        }
        return sb.toString();
    }

    private static String stripComment(String s) {
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }
}
