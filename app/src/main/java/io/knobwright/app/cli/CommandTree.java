package io.knobwright.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every CLI command, written down in one place, and built only as far as one command line needs (decision 0118).
 * picocli reflects over each command class it builds, interpreted and outside the AOT cache: the whole tree of
 * 61 commands cost ~200 ms of every start. So a command line such as {@code fleet list --json} builds the
 * top command, {@code fleet} and {@code list} only. Whenever the arguments do not name one command plainly
 * (help or version of a group, a mistyped name, no command at all, an option this class does not know) the
 * group in question is built whole, as picocli would: its help lists all its commands, and a mistyped name
 * gets suggestions from all of them.
 *
 * <p>To add a command, add one {@code command(...)} line to its group below (a new group is one {@code group(...)}
 * line with its commands). The {@code @Command} annotations name no {@code subcommands}: picocli would build those
 * eagerly. CommandTreeTest fails for a command class missing here or a {@code subcommands} attribute.
 */
final class CommandTree {

    /** The order within a group is the order its help lists the commands in. */
    static final Node ROOT = group(KnobwrightCommand.class,
            group(FleetCommand.class, command(FleetListCommand.class), command(FleetAddCommand.class),
                    command(FleetImportCommand.class), command(FleetShowCommand.class), command(FleetEditCommand.class),
                    command(FleetRefreshCommand.class), command(FleetRestartsCommand.class), command(FleetRemoveCommand.class),
                    command(FleetRemoveDemoCommand.class)),
            group(CatalogCommand.class, command(CatalogListCommand.class), command(CatalogGenerateCommand.class)),
            group(TemplateCommand.class, command(TemplateListCommand.class), command(TemplateShowCommand.class),
                    command(TemplateImportCommand.class), command(TemplateExportCommand.class),
                    command(TemplateValidateCommand.class), command(TemplateResolveCommand.class),
                    command(TemplateDiffCommand.class), command(TemplateAssignCommand.class)),
            group(PlanCommand.class, command(PlanCreateCommand.class), command(PlanListCommand.class),
                    command(PlanShowCommand.class), command(PlanSubmitCommand.class),
                    command(PlanDecisionCommand.Approve.class), command(PlanDecisionCommand.Reject.class),
                    command(PlanDecisionCommand.Bypass.class), command(PlanDecisionCommand.CloseReview.class),
                    command(PlanExportPdfCommand.class), command(PlanApplyCommand.class), command(PlanOutcomeCommand.class)),
            group(UserCommand.class, command(UserCommand.Add.class), command(UserCommand.ListUsers.class),
                    command(UserCommand.Delegate.class)),
            group(PolicyCommand.class, command(PolicyCommand.Lock.class), command(PolicyCommand.Unlock.class),
                    command(PolicyCommand.ListPolicy.class),
                    group(PolicyRulesCommand.class, command(PolicyRulesCommand.Import.class),
                            command(PolicyRulesCommand.Export.class)),
                    command(PolicyWebhooksCommand.class)),
            group(AuditCommand.class, command(AuditCommand.Verify.class), command(AuditCommand.Export.class)),
            group(HubCommand.class, command(HubCommand.Setup.class), command(HubCommand.Connect.class),
                    command(HubCommand.Sync.class), command(HubCommand.Status.class),
                    command(HubCommand.Disconnect.class)),
            group(OverrideCommand.class, command(OverrideCommand.Apply.class), command(OverrideCommand.ListOverrides.class),
                    command(OverrideCommand.Extend.class), command(OverrideCommand.Cancel.class),
                    command(OverrideCommand.Restore.class)),
            group(WorkloadCommand.class, command(WorkloadImportLogCommand.class), command(WorkloadTopCommand.class),
                    command(WorkloadProfileCommand.class), command(WorkloadFingerprintCommand.class)),
            group(MonitorCommand.class, command(MonitorCollectCommand.class)),
            command(DaemonCommand.class),
            group(BenchCommand.class, command(BenchFleetUiCommand.class), command(BenchTemplatesCommand.class),
                    command(BenchPlansCommand.class), command(BenchGovernanceCommand.class),
                    command(BenchOverridesCommand.class), command(BenchStartupCommand.class), command(BenchStartupTrainingCommand.class),
                    command(BenchLogImportCommand.class), command(BenchFingerprintsCommand.class),
                    command(BenchCollectorsCommand.class), command(BenchStorageForecastCommand.class),
                    command(BenchSimulatorCommand.class), command(BenchRecommendCommand.class),
                    command(BenchRecommendEffectCommand.class),
                    command(BenchAnalysisCommand.class)),
            group(StorageCommand.class, command(StorageForecastCommand.class), command(StorageImportSeriesCommand.class),
                    command(StorageTablesCommand.class)),
            group(HealthCommand.class, command(HealthConnectionsCommand.class)),
            group(IndexCommand.class, command(IndexAdviseCommand.class)),
            group(PrometheusCommand.class, command(PrometheusCommand.Import.class),
                    group(PrometheusMapCommand.class, command(PrometheusMapCommand.Add.class),
                            command(PrometheusMapCommand.ListMappings.class), command(PrometheusMapCommand.Remove.class)),
                    command(PrometheusMapCommand.Sync.class)),
            group(AlertsCommand.class, command(AlertsCommand.ListAlerts.class), command(AlertsCommand.Ack.class)),
            group(MaintenanceCommand.class, command(MaintenanceCommand.Add.class),
                    command(MaintenanceCommand.ListWindows.class), command(MaintenanceCommand.Remove.class)),
            group(BackupCommand.class, command(BackupVerifyCommand.class), command(BackupWatchCommand.class)),
            group(ExperimentCommand.class, command(ExperimentRunCommand.class)),
            group(SimulateCommand.class, command(SimulateSweepCommand.class)),
            group(SimulatorCommand.class, command(SimulatorAccuracyCommand.class)),
            command(RecommendCommand.class));

    /**
     * The top command's options that every command inherits ({@link KnobwrightCommand}), which may stand between
     * command names: those that take a value, and those that do not. CommandTreeTest keeps them in step.
     */
    static final Set<String> INHERITED_WITH_VALUE = Set.of("--data-dir", "--as");
    static final Set<String> INHERITED_FLAGS = Set.of("--debug");

    private CommandTree() {
    }

    /** One command class and the commands under it (none for a command that does the work). */
    record Node(Class<?> type, List<Node> children) {
        Node {
            if (!type.isAnnotationPresent(Command.class)) {
                throw new IllegalArgumentException(type.getName() + " has no @Command annotation");
            }
            children = List.copyOf(children);
        }

        /** The names the command is called by, read from its annotation without building it. */
        List<String> names() {
            Command command = type.getAnnotation(Command.class);
            List<String> names = new ArrayList<>(List.of(command.name()));
            names.addAll(List.of(command.aliases()));
            return names;
        }

        private Optional<Node> child(String name) {
            return children.stream().filter(c -> c.names().contains(name)).findFirst();
        }

        private boolean isChildName(String arg) {
            return child(arg).isPresent();
        }
    }

    static Node group(Class<?> type, Node... children) {
        return new Node(type, List.of(children));
    }

    static Node command(Class<?> type) {
        return new Node(type, List.of());
    }

    /** The whole tree: what picocli built from annotations before (tests walk it). */
    static CommandLine whole(IFactory factory) {
        return build(ROOT, factory, null, 0);
    }

    /** The top command with only the branch {@code args} run, or whole groups where the arguments leave doubt. */
    static CommandLine forArguments(IFactory factory, String... args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            // the version alone prints one text, the same with or without the commands
            return new CommandLine(ROOT.type(), factory);
        }
        return build(ROOT, factory, List.of(args), 0);
    }

    /**
     * Builds {@code node}, then its commands: only the one the arguments from {@code from} on name, else all.
     * Children are built before they are added, as picocli does for annotated subcommands, so inherited options
     * and help options reach them the same way.
     */
    private static CommandLine build(Node node, IFactory factory, List<String> args, int from) {
        CommandLine commandLine = new CommandLine(node.type(), factory);
        Optional<Step> step = args == null ? Optional.empty() : nextCommand(node, args, from);
        if (step.isPresent()) {
            commandLine.addSubcommand(build(step.get().child(), factory, args, step.get().next()));
        } else {
            for (Node child : node.children()) {
                commandLine.addSubcommand(build(child, factory, null, 0));
            }
        }
        return commandLine;
    }

    /** The command named next, and where its own arguments start. */
    private record Step(Node child, int next) {
    }

    /**
     * The command the arguments name after {@code node}'s, past inherited options; empty when there is any doubt.
     * An option value that is a command name or looks like an option stays with picocli, which treats it as
     * that (an error), so the whole group is built and the error is the same as before.
     */
    private static Optional<Step> nextCommand(Node node, List<String> args, int from) {
        if (node.children().isEmpty()) {
            return Optional.empty();
        }
        int i = from;
        while (i < args.size()) {
            String arg = args.get(i);
            if (INHERITED_FLAGS.contains(arg)) {
                i++;
            } else if (INHERITED_WITH_VALUE.contains(arg)) {
                if (i + 1 >= args.size() || !plainValue(node, args.get(i + 1))) {
                    return Optional.empty();
                }
                i += 2;
            } else if (INHERITED_WITH_VALUE.stream().anyMatch(o -> arg.startsWith(o + "="))) {
                i++;
            } else {
                int at = i;
                return node.child(arg).map(child -> new Step(child, at + 1));
            }
        }
        return Optional.empty();
    }

    /** A value picocli takes as an option's value whatever the commands around it are called. */
    private static boolean plainValue(Node node, String value) {
        return !value.startsWith("-") && !value.startsWith("@") && !node.isChildName(value);
    }
}
