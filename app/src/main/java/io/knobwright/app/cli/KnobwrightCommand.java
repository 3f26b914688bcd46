package io.knobwright.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.concurrent.Callable;

/** The top command: without a subcommand it opens the workbench; with one it runs headless. */
@Command(name = "knobwright", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Configuration workbench for a fleet of PostgreSQL, MySQL/MariaDB, SQL Server and Oracle instances.",
                "Without a command, opens the workbench window. Commands run headless (no display needed)."},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success",
                "  1  user error: unknown engine, version or instance, or a bad value (one line on stderr)",
                "  2  usage error: unknown option, missing option or value",
                "  3  a database server could not be reached or refused the connection",
                "  4  governance refused: self-approval, a second decision, a missing role, a locked parameter, ...",
                "  5  the audit chain is broken (audit verify)",
                "  6  plan apply failed and was rolled back; 7 rolled back only in part (needs attention)",
                "  (override apply: the code of the first instance that failed; override restore: 3 when the server could not be reached)",
                "  70 Knobwright hit a bug (run again with --debug and report it)",
                "",
                "Data directory: --data-dir DIR, else $KNOBWRIGHT_HOME, else ~/.knobwright."})
final class KnobwrightCommand implements Callable<Integer> {

    private final CliSession session;

    KnobwrightCommand(CliSession session) {
        this.session = session;
    }

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where the local store lives (default: $KNOBWRIGHT_HOME, else ~/.knobwright).")
    void dataDir(String dir) {
        session.dataDirFlag(dir);
    }

    @Option(names = "--as", paramLabel = "USER", scope = ScopeType.INHERIT,
            description = "Act as this user of the store (default: $KNOBWRIGHT_USER, else the login name).")
    void actingAs(String user) {
        session.actingAs(user);
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    void debug(boolean on) {
        session.debug(on);
    }

    @Override
    public Integer call() {
        return session.openWorkbench();
    }
}
