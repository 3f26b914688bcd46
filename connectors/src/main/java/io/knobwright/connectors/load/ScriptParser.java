package io.knobwright.connectors.load;

import io.knobwright.model.UserError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a pgbench-style script into commands; see {@link LoadScript} for the rules. */
final class ScriptParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern META = Pattern.compile("\\\\(\\S*)\\s*(.*)", Pattern.DOTALL);
    private static final Pattern SET = Pattern.compile("(\\S+)\\s*(.*)", Pattern.DOTALL);
    private static final Pattern SLEEP = Pattern.compile("(\\S+)(?:\\s+(\\S+))?\\s*");

    private final String script;
    private final List<LoadScript.Command> commands = new ArrayList<>();
    private final Set<String> defined = new HashSet<>(LoadScript.PREDEFINED);
    private final StringBuilder pending = new StringBuilder();
    private int pendingLine;

    private ScriptParser(String script) {
        this.script = script;
    }

    static List<LoadScript.Command> parse(String name, String text) {
        ScriptParser parser = new ScriptParser(name);
        parser.read(text);
        if (parser.commands.stream().noneMatch(c -> c instanceof LoadScript.Sql)) {
            throw UserError.input("Script '" + name + "' has no SQL statement: a transaction needs at least one.");
        }
        return parser.commands;
    }

    private void read(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            boolean insideQuote = pending.length() > 0 && SqlScan.of(pending).open();
            if (!insideQuote && stripped.startsWith("\\")) {
                flush();
                int first = i + 1;
                StringBuilder meta = new StringBuilder(stripped);
                // pgbench joins a meta-command continued with a trailing backslash
                while (meta.toString().endsWith("\\") && !meta.toString().endsWith("\\\\") && i + 1 < lines.length) {
                    meta.setLength(meta.length() - 1);
                    meta.append(' ').append(lines[++i].strip());
                }
                meta(first, meta.toString());
            } else if (pending.length() == 0 && (stripped.isEmpty() || stripped.startsWith("--"))) {
                continue;
            } else {
                if (pending.length() == 0) {
                    pendingLine = i + 1;
                }
                pending.append(line).append('\n');
                split();
            }
        }
        if (pending.length() > 0 && SqlScan.of(pending).open()) {
            throw error(pendingLine, "a quoted string, quoted name or comment starting in this statement is never"
                    + " closed; close it");
        }
        flush();
    }

    /** Takes every statement ended by a top-level semicolon out of {@code pending}. */
    private void split() {
        while (true) {
            SqlScan scan = SqlScan.of(pending);
            if (scan.terminator() < 0) {
                return;
            }
            String statement = pending.substring(0, scan.terminator());
            String rest = pending.substring(scan.terminator() + 1);
            int restLine = pendingLine + (int) statement.chars().filter(c -> c == '\n').count();
            if (scan.hasCode()) {
                statement(pendingLine, statement);
            }
            pending.setLength(0);
            if (!rest.isBlank()) {
                pending.append(rest);
                pendingLine = restLine;
            }
        }
    }

    private void flush() {
        if (pending.length() > 0) {
            if (SqlScan.of(pending).hasCode()) {
                statement(pendingLine, pending.toString());
            }
            pending.setLength(0);
        }
    }

    private void statement(int line, String raw) {
        // leading blank lines belong to no statement: count them into the line number
        int lead = 0;
        while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
            if (raw.charAt(lead) == '\n') {
                line++;
            }
            lead++;
        }
        String text = raw.strip();
        List<String> pieces = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        int from = 0;
        for (int[] ref : SqlScan.variableReferences(text)) {
            String name = text.substring(ref[0] + 1, ref[1]);
            if (!defined.contains(name)) {
                throw error(line, ":" + name + " is used before any \\set gives it a value; set it on an earlier line"
                        + " (:scale and :client_id are predefined), or write '::' for a cast");
            }
            pieces.add(text.substring(from, ref[0]));
            variables.add(name);
            from = ref[1];
        }
        pieces.add(text.substring(from));
        commands.add(new LoadScript.Sql(line, text, pieces, variables));
    }

    private void meta(int line, String text) {
        Matcher m = META.matcher(text);
        m.matches();
        String command = m.group(1).toLowerCase(Locale.ROOT);
        String arguments = m.group(2).strip();
        switch (command) {
            case "set" -> set(line, arguments);
            case "sleep" -> sleep(line, arguments);
            default -> throw error(line, "unknown meta-command \\" + m.group(1) + ". Knobwright runs \\set and \\sleep"
                    + " (pgbench's \\if, \\gset, \\shell and the others are not supported); remove the line or"
                    + " rewrite it with those");
        }
    }

    private void set(int line, String arguments) {
        Matcher m = SET.matcher(arguments);
        if (!m.matches() || m.group(2).isBlank()) {
            throw error(line, "\\set needs a variable name and an expression, e.g. \\set aid random(1, 100000 * :scale)");
        }
        String name = m.group(1);
        if (!NAME.matcher(name).matches()) {
            throw error(line, "'" + name + "' is not a variable name: use letters, digits and _, starting with a"
                    + " letter or _");
        }
        Expression expression = expression(line, m.group(2));
        defined.add(name);
        commands.add(new LoadScript.SetVariable(line, name, expression));
    }

    private void sleep(int line, String arguments) {
        Matcher m = SLEEP.matcher(arguments);
        String usage = "\\sleep takes a whole number or a :variable, then optionally us, ms or s (the default)";
        if (!m.matches()) {
            throw error(line, usage);
        }
        String amount = m.group(1);
        if (!amount.matches("\\d+|:[A-Za-z_][A-Za-z0-9_]*")) {
            throw error(line, usage + ", not '" + amount + "'");
        }
        long unit = switch (m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> 1L;
            case "ms" -> 1_000L;
            case "s" -> 1_000_000L;
            default -> throw error(line, usage + ", not the unit '" + m.group(2) + "'");
        };
        commands.add(new LoadScript.Sleep(line, expression(line, amount), unit));
    }

    private Expression expression(int line, String text) {
        Expression expression;
        try {
            expression = Expression.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(line, e.getMessage());
        }
        for (String reference : expression.references()) {
            if (!defined.contains(reference)) {
                throw error(line, ":" + reference + " is used before any \\set gives it a value; set it on an earlier"
                        + " line (:scale and :client_id are predefined)");
            }
        }
        return expression;
    }

    private UserError error(int line, String what) {
        return UserError.input("Script '" + script + "', line " + line + ": " + what + ".");
    }
}
