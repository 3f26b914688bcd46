package io.knobwright.app.cli;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command tree built for one command line's arguments behaves as the whole tree does (decision 0118): same
 * commands run with the same options, same help, same usage errors and suggestions; and it holds every command.
 */
class CommandTreeTest {

    @Test
    void everyCommandClassIsInTheTreeAndNoAnnotationDeclaresSubcommands() {
        Set<String> annotated = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.knobwright.app.cli").stream()
                .filter(c -> c.isAnnotatedWith(Command.class))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> inTree = new java.util.TreeSet<>();
        walk(CommandTree.ROOT, node -> inTree.add(node.type().getName()));

        assertThat(inTree).as("every @Command class is listed in CommandTree.ROOT").isEqualTo(annotated);
        walk(CommandTree.ROOT, node -> assertThat(node.type().getAnnotation(Command.class).subcommands())
                .as(node.type().getSimpleName() + ": list its commands in CommandTree, not in @Command(subcommands)")
                .isEmpty());
    }

    @Test
    void everyHelpTextFormatsWithoutAWarning() {
        // picocli passes help text through String.format: a lone '%' ("80% interval") makes it warn on stderr and
        // show the raw text, so a literal percent is written '%%'
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            renderHelp(Cli.commandLine(session()));
        } finally {
            System.setErr(err);
        }
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).as("picocli's warnings while"
                + " rendering every command's help").doesNotContain("Could not format");
    }

    private static void renderHelp(CommandLine command) {
        command.usage(new PrintWriter(new StringWriter()));
        command.getSubcommands().values().forEach(CommandTreeTest::renderHelp);
    }

    @Test
    void theOptionsTheTreeSkipsBetweenCommandNamesAreTheInheritedOptionsOfTheTopCommand() {
        CommandLine whole = Cli.commandLine(session());
        Set<String> withValue = new LinkedHashSet<>();
        Set<String> flags = new LinkedHashSet<>();
        for (OptionSpec option : whole.getCommandSpec().options()) {
            if (option.scopeType() == ScopeType.INHERIT) {
                (option.arity().max() > 0 ? withValue : flags).addAll(List.of(option.names()));
            }
        }

        assertThat(withValue).containsExactlyInAnyOrderElementsOf(CommandTree.INHERITED_WITH_VALUE);
        assertThat(flags).containsExactlyInAnyOrderElementsOf(CommandTree.INHERITED_FLAGS);
    }

    @Test
    void aCommandLineBuildsOnlyTheBranchItRuns() {
        CommandLine root = Cli.commandLine(session(), "--data-dir", "/tmp/k", "policy", "--debug", "rules", "export");

        assertThat(root.getSubcommands()).containsOnlyKeys("policy");
        assertThat(root.getSubcommands().get("policy").getSubcommands()).containsOnlyKeys("rules");
        assertThat(root.getSubcommands().get("policy").getSubcommands().get("rules").getSubcommands())
                .containsOnlyKeys("export");
        assertThat(Cli.commandLine(session(), "--version").getSubcommands()).isEmpty();
    }

    @Test
    void helpOfTheTopCommandAndOfAGroupStillListsAllTheirCommands() {
        CommandLine whole = Cli.commandLine(session());

        assertThat(Cli.commandLine(session(), "--help").getSubcommands().keySet())
                .containsExactlyElementsOf(whole.getSubcommands().keySet());
        assertThat(Cli.commandLine(session(), "plan", "--help").getSubcommands().get("plan").getSubcommands().keySet())
                .containsExactlyElementsOf(whole.getSubcommands().get("plan").getSubcommands().keySet());
    }

    @Test
    void everyCommandBuiltForItsOwnArgumentsHasTheHelpItHasInTheWholeTree() {
        Map<String, CommandLine> commands = new LinkedHashMap<>();
        collect(Cli.commandLine(session()), "", commands);

        for (Map.Entry<String, CommandLine> command : commands.entrySet()) {
            String[] path = path(command.getKey());
            CommandLine built = Cli.commandLine(session(), path);
            for (String name : path) {
                built = built.getSubcommands().get(name);
            }
            assertThat(built.getUsageMessage()).as(command.getKey()).isEqualTo(command.getValue().getUsageMessage());
        }
    }

    @Test
    void everyCommandLineParsesAndFailsAsWithTheWholeTree() {
        List<List<String>> lines = new ArrayList<>(List.of(List.of(), List.of("-h"), List.of("--help"), List.of("-V"),
                List.of("--version"), List.of("help"), List.of("flet", "list"), List.of("fleet", "lst"),
                List.of("policy", "rules", "exprt"), List.of("--data-dir"), List.of("--data-dir", "fleet", "list"),
                List.of("--data-dir", "plan", "fleet", "list"), List.of("fleet", "--data-dir", "plan", "list"),
                List.of("fleet", "--data-dir", "list", "list"), List.of("--as", "--debug", "fleet", "list"),
                List.of("--debug=true", "fleet", "list"), List.of("--", "fleet", "list"), List.of("fleet", "list", "--", "x"),
                List.of("--data-dir=/tmp/k", "fleet", "list"), List.of("--as=bob", "plan", "--debug", "list"),
                List.of("fleet", "list", "plan"), List.of("fleet", "list", "--data-dir", "plan"), List.of("@missing-file"),
                List.of("fleet", "@missing-file"), List.of("--data-dir", "@missing-file", "fleet", "list"),
                List.of("--bogus", "fleet", "list"), List.of("fleet", "--bogus", "list"), List.of("-hV"),
                List.of("FLEET", "list"), List.of("fleet", "-h", "list")));
        // picocli resets a command line before each parse, so one whole tree serves every line
        CommandLine whole = Cli.commandLine(session());
        Map<String, CommandLine> commands = new LinkedHashMap<>();
        collect(whole, "", commands);
        for (String command : commands.keySet()) {
            List<String> path = List.of(path(command));
            lines.add(path);
            lines.add(concat(path, "--help"));
            lines.add(concat(path, "-V"));
            lines.add(concat(path, "--bogus"));
            lines.add(concat(path, "extra"));
            lines.add(concat(List.of("--debug", "--data-dir", "/tmp/k"), path.toArray(String[]::new)));
            if (!path.isEmpty()) {
                List<String> mistyped = new ArrayList<>(path);
                String last = mistyped.removeLast();
                mistyped.add(last.substring(0, last.length() - 1));
                lines.add(mistyped);
            }
        }

        for (List<String> line : lines) {
            String[] args = line.toArray(String[]::new);
            assertThat(outcome(Cli.commandLine(session(), args), args)).as(String.join(" ", line))
                    .isEqualTo(outcome(whole, args));
        }
    }

    /** What picocli made of a command line: the commands with their options and values, or the usage error. */
    private static String outcome(CommandLine commandLine, String[] args) {
        try {
            ParseResult parsed = commandLine.parseArgs(args);
            StringBuilder outcome = new StringBuilder();
            for (ParseResult p = parsed; p != null; p = p.subcommand()) {
                outcome.append(p.commandSpec().qualifiedName()).append(' ')
                        .append(p.matchedOptions().stream().map(o -> o.longestName() + "=" + o.originalStringValues())
                                .toList())
                        .append(' ').append(p.matchedPositionals().stream().map(o -> o.originalStringValues()).toList())
                        .append(" unmatched ").append(p.unmatched())
                        .append(p.isUsageHelpRequested() ? " help:\n" + p.commandSpec().commandLine().getUsageMessage() : "")
                        .append(p.isVersionHelpRequested() ? " version" : "")
                        .append('\n');
            }
            return outcome.toString();
        } catch (ParameterException e) {
            StringWriter suggestions = new StringWriter();
            UnmatchedArgumentException.printSuggestions(e, new PrintWriter(suggestions));
            return "error in " + e.getCommandLine().getCommandSpec().qualifiedName() + ": " + e.getMessage() + "\n"
                    + suggestions + e.getCommandLine().getUsageMessage();
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static String[] path(String command) {
        return command.isEmpty() ? new String[0] : command.split(" ");
    }

    private static void collect(CommandLine cl, String prefix, Map<String, CommandLine> commands) {
        commands.put(prefix.strip(), cl);
        cl.getSubcommands().forEach((name, sub) -> collect(sub, prefix + " " + name, commands));
    }

    private static void walk(CommandTree.Node node, java.util.function.Consumer<CommandTree.Node> visit) {
        visit.accept(node);
        node.children().forEach(child -> walk(child, visit));
    }

    private static CliSession session() {
        return new CliSession((d, as) -> {
            throw new AssertionError("parsing never opens the store");
        }, c -> 0, List.of(), Map.of(), InputStream.nullInputStream(), new PrintWriter(Writer.nullWriter()),
                new PrintWriter(Writer.nullWriter()));
    }
}
