package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When two texts of a text parameter are the same setting to the server. Most text is compared exactly (paths,
 * log_line_prefix), but many servers read text as words, names or lists: PostgreSQL's DateStyle 'iso, mdy' is
 * 'ISO, MDY', search_path '$user, Public' is '"$user", public', client_encoding 'utf-8' is 'UTF8'; MySQL's sql_mode
 * is an unordered, case-insensitive set, optimizer_switch a set of flags of which a setting names only some.
 * Which parameter is read which way is listed by name, from each server's source and documentation.
 */
final class ServerText {

    /** How a server reads one parameter's text. */
    private enum Reading {
        /** Compared as written. */
        EXACT,
        /** One name the server looks up ignoring case (time zones, storage engines, character sets). */
        CASE_INSENSITIVE,
        /** PostgreSQL's SplitIdentifierString: unquoted names fold to lower case, quoted ones are kept; order counts. */
        IDENTIFIER_LIST,
        /** A qualified name resolved to pg_catalog when unqualified (default_text_search_config). */
        CATALOG_NAME,
        /** Keywords that select options, in any order and case (log_destination, MySQL SET variables). */
        WORD_SET,
        /** Items such as library names or directories: trimmed, unquoted, order and case kept. */
        ITEM_LIST,
        /** MySQL flag=value lists; a setting changes only the flags it names. */
        FLAG_SET,
        /** PostgreSQL's DateStyle: an output style and a field order, each given by one of several keywords. */
        DATE_STYLE,
        /** PostgreSQL encoding names: case, punctuation and aliases do not matter (utf-8, UTF8, unicode). */
        ENCODING,
        /** MySQL time_zone: a name ignoring case, or an offset in which '+1:00' is '+01:00'. */
        TIME_ZONE
    }

    private static final Map<String, Reading> POSTGRES = Map.ofEntries(
            Map.entry("datestyle", Reading.DATE_STYLE),
            Map.entry("search_path", Reading.IDENTIFIER_LIST),
            Map.entry("temp_tablespaces", Reading.IDENTIFIER_LIST),
            Map.entry("default_tablespace", Reading.IDENTIFIER_LIST),
            Map.entry("default_text_search_config", Reading.CATALOG_NAME),
            Map.entry("log_destination", Reading.WORD_SET),
            Map.entry("wal_consistency_checking", Reading.WORD_SET),
            Map.entry("debug_io_direct", Reading.WORD_SET),
            Map.entry("timezone", Reading.CASE_INSENSITIVE),
            Map.entry("log_timezone", Reading.CASE_INSENSITIVE),
            Map.entry("client_encoding", Reading.ENCODING),
            Map.entry("server_encoding", Reading.ENCODING),
            Map.entry("shared_preload_libraries", Reading.ITEM_LIST),
            Map.entry("local_preload_libraries", Reading.ITEM_LIST),
            Map.entry("session_preload_libraries", Reading.ITEM_LIST),
            Map.entry("unix_socket_directories", Reading.ITEM_LIST),
            Map.entry("listen_addresses", Reading.ITEM_LIST));

    /** MariaDB and MySQL: SET and FLAGSET variables, and ENUMs whose choices are whatever the server has installed. */
    private static final Map<String, Reading> MYSQL = Map.ofEntries(
            Map.entry("sql_mode", Reading.WORD_SET),
            Map.entry("log_output", Reading.WORD_SET),
            Map.entry("myisam_recover_options", Reading.WORD_SET),
            Map.entry("aria_recover_options", Reading.WORD_SET),
            Map.entry("log_slow_verbosity", Reading.WORD_SET),
            Map.entry("note_verbosity", Reading.WORD_SET),
            Map.entry("log_slow_disabled_statements", Reading.WORD_SET),
            Map.entry("log_disabled_statements", Reading.WORD_SET),
            Map.entry("log_slow_filter", Reading.WORD_SET),
            Map.entry("tls_version", Reading.WORD_SET),
            Map.entry("old_mode", Reading.WORD_SET),
            Map.entry("default_regex_flags", Reading.WORD_SET),
            Map.entry("optimizer_adjust_secondary_key_costs", Reading.WORD_SET),
            Map.entry("wsrep_mode", Reading.WORD_SET),
            Map.entry("slave_type_conversions", Reading.WORD_SET),
            Map.entry("optimizer_switch", Reading.FLAG_SET),
            Map.entry("optimizer_trace", Reading.FLAG_SET),
            Map.entry("time_zone", Reading.TIME_ZONE),
            Map.entry("default_storage_engine", Reading.CASE_INSENSITIVE),
            Map.entry("default_tmp_storage_engine", Reading.CASE_INSENSITIVE),
            Map.entry("enforce_storage_engine", Reading.CASE_INSENSITIVE),
            Map.entry("storage_engine", Reading.CASE_INSENSITIVE),
            Map.entry("character_set_client", Reading.CASE_INSENSITIVE),
            Map.entry("character_set_connection", Reading.CASE_INSENSITIVE),
            Map.entry("character_set_database", Reading.CASE_INSENSITIVE),
            Map.entry("character_set_filesystem", Reading.CASE_INSENSITIVE),
            Map.entry("character_set_results", Reading.CASE_INSENSITIVE),
            Map.entry("character_set_server", Reading.CASE_INSENSITIVE),
            Map.entry("collation_connection", Reading.CASE_INSENSITIVE),
            Map.entry("collation_database", Reading.CASE_INSENSITIVE),
            Map.entry("collation_server", Reading.CASE_INSENSITIVE),
            Map.entry("lc_messages", Reading.CASE_INSENSITIVE),
            Map.entry("lc_time_names", Reading.CASE_INSENSITIVE));

    /**
     * PostgreSQL's pg_encname_tbl, for the names that are not the canonical one with punctuation dropped: "unicode"
     * is UTF8, "iso88591" is LATIN1.
     */
    private static final Map<String, String> ENCODING_ALIASES = Map.ofEntries(
            Map.entry("unicode", "utf8"), Map.entry("iso88591", "latin1"), Map.entry("iso88592", "latin2"),
            Map.entry("iso88593", "latin3"), Map.entry("iso88594", "latin4"), Map.entry("iso88599", "latin5"),
            Map.entry("iso885910", "latin6"), Map.entry("iso885913", "latin7"), Map.entry("iso885914", "latin8"),
            Map.entry("iso885915", "latin9"), Map.entry("iso885916", "latin10"), Map.entry("koi8", "koi8r"),
            Map.entry("win", "win1251"), Map.entry("alt", "win866"), Map.entry("abc", "win1258"),
            Map.entry("tcvn", "win1258"), Map.entry("tcvn5712", "win1258"), Map.entry("vscii", "win1258"),
            Map.entry("mskanji", "sjis"), Map.entry("shiftjis", "sjis"), Map.entry("win932", "sjis"),
            Map.entry("windows932", "sjis"), Map.entry("win936", "gbk"), Map.entry("windows936", "gbk"),
            Map.entry("win949", "uhc"), Map.entry("windows949", "uhc"), Map.entry("win950", "big5"),
            Map.entry("windows950", "big5"), Map.entry("windows866", "win866"), Map.entry("windows874", "win874"),
            Map.entry("windows1250", "win1250"), Map.entry("windows1251", "win1251"), Map.entry("windows1252", "win1252"),
            Map.entry("windows1253", "win1253"), Map.entry("windows1254", "win1254"), Map.entry("windows1255", "win1255"),
            Map.entry("windows1256", "win1256"), Map.entry("windows1257", "win1257"), Map.entry("windows1258", "win1258"));

    /** What PostgreSQL's show_archive_command prints instead of the command while archiving is off. */
    private static final String DISABLED = "(disabled)";

    private ServerText() {
    }

    /** True when the server takes both texts (conf-file quotes allowed) for the same setting. */
    static boolean same(ParameterSpec spec, String a, String b) {
        String x = reported(spec, unquote(spec.engine(), a));
        String y = reported(spec, unquote(spec.engine(), b));
        Reading reading = reading(spec);
        if (reading == Reading.FLAG_SET) {
            return sameFlags(flags(x), flags(y));
        }
        return Objects.equals(key(reading, x), key(reading, y));
    }

    /**
     * While archiving is off PostgreSQL reports archive_command as "(disabled)" rather than the command it has;
     * taken as the default, "", so that a server left alone does not differ from its defaults.
     */
    private static String reported(ParameterSpec spec, String text) {
        return spec.engine() == Engine.POSTGRESQL && text.equals(DISABLED) ? "" : text;
    }

    private static Reading reading(ParameterSpec spec) {
        String name = spec.name().toLowerCase(Locale.ROOT);
        return switch (spec.engine()) {
            case POSTGRESQL -> POSTGRES.getOrDefault(name, Reading.EXACT);
            case MYSQL, MARIADB -> MYSQL.getOrDefault(name, Reading.EXACT);
            case ORACLE, SQLSERVER -> Reading.EXACT;
        };
    }

    /**
     * A configuration file's quotes are not part of the value: PostgreSQL's '...' (with '' for a quote), and in
     * my.cnf either '...' or "...".
     */
    private static String unquote(Engine engine, String text) {
        if (text.length() >= 2 && text.charAt(0) == '\'' && text.endsWith("'")) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        boolean mysql = engine == Engine.MYSQL || engine == Engine.MARIADB;
        if (mysql && text.length() >= 2 && text.charAt(0) == '"' && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** A form in which two texts the server reads alike are equal; the text itself where it cannot be read. */
    private static Object key(Reading reading, String text) {
        return switch (reading) {
            case EXACT -> text;
            case CASE_INSENSITIVE -> text.strip().toLowerCase(Locale.ROOT);
            case IDENTIFIER_LIST -> identifiers(text, ',');
            case CATALOG_NAME -> catalogName(text);
            case WORD_SET -> new TreeSet<>(words(text));
            case ITEM_LIST -> items(text);
            case FLAG_SET -> flags(text);
            case DATE_STYLE -> PostgresDateStyle.canonical(text).orElse(text);
            case ENCODING -> encoding(text);
            case TIME_ZONE -> timeZone(text);
        };
    }

    /** SplitIdentifierString: unquoted names are folded to lower case, "quoted" ones kept with "" as a quote. */
    static List<String> identifiers(String text, char separator) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    name.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    name.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                names.add(finish(name, wasQuoted));
                name.setLength(0);
                wasQuoted = false;
            } else {
                name.append(c);
            }
        }
        String last = finish(name, wasQuoted);
        if (!last.isEmpty() || !names.isEmpty() || wasQuoted) {
            names.add(last);
        }
        return names;
    }

    private static String finish(StringBuilder name, boolean wasQuoted) {
        return wasQuoted ? name.toString().strip() : name.toString().strip().toLowerCase(Locale.ROOT);
    }

    /** "english" is found in pg_catalog, which the server then reports: "pg_catalog.english". */
    private static List<String> catalogName(String text) {
        List<String> parts = identifiers(text, '.');
        return parts.size() == 2 && parts.getFirst().equals("pg_catalog") ? List.of(parts.get(1)) : parts;
    }

    private static List<String> words(String text) {
        return items(text).stream().map(w -> w.toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList();
    }

    private static List<String> items(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String s = item.strip();
            if (s.length() >= 2 && s.charAt(0) == '"' && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            items.add(s);
        }
        return items;
    }

    private static Map<String, String> flags(String text) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String word : words(text)) {
            int eq = word.indexOf('=');
            flags.put(eq < 0 ? word : word.substring(0, eq).strip(), eq < 0 ? "" : word.substring(eq + 1).strip());
        }
        return flags;
    }

    /**
     * "mrr=on" sets one flag and leaves the others: it is the same as a server's full list when that list has
     * mrr=on. Two lists are the same when they agree on every flag they share and one names all the other's flags.
     */
    private static boolean sameFlags(Map<String, String> a, Map<String, String> b) {
        Map<String, String> small = a.size() <= b.size() ? a : b;
        Map<String, String> large = small == a ? b : a;
        return large.keySet().containsAll(small.keySet())
                && small.entrySet().stream().allMatch(e -> e.getValue().equals(large.get(e.getKey())));
    }

    /** clean_encoding_name: letters and digits only, lower case; then the aliases. */
    private static String encoding(String text) {
        StringBuilder clean = new StringBuilder();
        text.chars().filter(c -> c < 128 && Character.isLetterOrDigit(c)).forEach(c -> clean.append((char) Character.toLowerCase(c)));
        return ENCODING_ALIASES.getOrDefault(clean.toString(), clean.toString());
    }

    /** MySQL keeps offsets as +HH:MM: '+1:00' is '+01:00'; zone names are looked up ignoring case. */
    private static String timeZone(String text) {
        String zone = text.strip().toLowerCase(Locale.ROOT);
        if (zone.matches("[+-]\\d:\\d\\d")) {
            return zone.charAt(0) + "0" + zone.substring(1);
        }
        return zone;
    }

    /** Names a text parameter whose reading this class knows, for tests: every listed name is in some catalog. */
    static Set<String> listedNames(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> POSTGRES.keySet();
            case MYSQL, MARIADB -> MYSQL.keySet();
            case ORACLE, SQLSERVER -> Set.of();
        };
    }
}
