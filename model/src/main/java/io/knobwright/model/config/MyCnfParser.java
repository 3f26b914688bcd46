package io.knobwright.model.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads my.cnf the way mysqld and mariadbd do, keeping only the server's sections ([mysqld], [server],
 * [mariadb], [mariadbd] and their version-suffixed forms such as [mysqld-8.0] or [mariadb-10.11]).
 * Dashes and underscores are the same in option names; the {@code loose-} prefix is dropped; a bare
 * option is a boolean ON; {@code skip-x} means x = OFF. !include and !includedir are followed.
 */
public final class MyCnfParser {

    private static final Set<String> SERVER_SECTIONS = Set.of("mysqld", "server", "mariadb", "mariadbd");

    private final FileSource files;

    public MyCnfParser(FileSource files) {
        this.files = files;
    }

    public Map<String, ConfigSetting> parse(Path file) {
        String text = ConfigText.read(files, file);
        Map<String, ConfigSetting> settings = new LinkedHashMap<>();
        parse(file, text, settings, 0);
        return settings;
    }

    private void parse(Path file, String text, Map<String, ConfigSetting> settings, int depth) {
        ConfigText.check(file, text, depth);
        List<String> lines = text.lines().toList();
        boolean inServerSection = false;
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
                        parse(p, files.read(p).orElse(""), settings, depth + 1);
                    }
                }
                continue;
            }
            if (s.startsWith("!include")) {
                Path target = dir.resolve(s.substring("!include".length()).strip());
                String included = files.read(target).orElseThrow(() ->
                        new ConfigFileException(file.toString(), lineNo, "included file " + target + " does not exist"));
                parse(target, included, settings, depth + 1);
                continue;
            }
            if (s.startsWith("[")) {
                if (!s.endsWith("]")) {
                    throw new ConfigFileException(file.toString(), lineNo, "section header '" + s + "' has no closing ]");
                }
                inServerSection = isServerSection(s.substring(1, s.length() - 1).strip().toLowerCase(Locale.ROOT));
                continue;
            }
            if (!inServerSection) {
                continue;
            }
            ConfigSetting setting = option(s, file.toString(), lineNo);
            String key = setting.name();
            settings.remove(key);
            settings.put(key, setting);
        }
    }

    private static boolean isServerSection(String section) {
        if (SERVER_SECTIONS.contains(section)) {
            return true;
        }
        int dash = section.indexOf('-');
        return dash > 0 && SERVER_SECTIONS.contains(section.substring(0, dash))
                && section.substring(dash + 1).matches("\\d+(\\.\\d+)*");
    }

    private static ConfigSetting option(String s, String file, int lineNo) {
        int eq = s.indexOf('=');
        String rawName = (eq < 0 ? stripComment(s) : s.substring(0, eq)).strip();
        if (rawName.isEmpty() || !rawName.matches("[A-Za-z0-9_.\\-]+")) {
            throw new ConfigFileException(file, lineNo, "'" + rawName + "' is not an option name");
        }
        String name = rawName.toLowerCase(Locale.ROOT).replace('-', '_');
        if (name.startsWith("loose_")) {
            name = name.substring("loose_".length());
        }
        if (eq < 0) {
            if (name.startsWith("skip_")) {
                return new ConfigSetting(name.substring("skip_".length()), "OFF", file, lineNo);
            }
            return new ConfigSetting(name, "ON", file, lineNo);
        }
        return new ConfigSetting(name, value(s.substring(eq + 1).strip(), file, lineNo, name), file, lineNo);
    }

    private static String value(String raw, String file, int lineNo, String name) {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            char quote = raw.charAt(0);
            int end = raw.indexOf(quote, 1);
            if (end < 0) {
                throw new ConfigFileException(file, lineNo, "unterminated quoted value for " + name);
            }
            String rest = raw.substring(end + 1).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                throw new ConfigFileException(file, lineNo, "unexpected text after the value of " + name + ": '" + rest + "'");
            }
            return raw.substring(1, end);
        }
        String value = stripComment(raw).strip();
        if (value.isEmpty()) {
            throw new ConfigFileException(file, lineNo, name + " has no value after '='");
        }
        return value;
    }

    private static String stripComment(String s) {
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }
}
