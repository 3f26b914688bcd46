package io.knobwright.app.cli;

import io.knobwright.app.catalog.CatalogService.InstanceCatalog;
import io.knobwright.model.catalog.CatalogSource;
import io.knobwright.model.catalog.EffectiveCatalog;
import io.knobwright.model.catalog.EffectiveParameter;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.concurrent.Callable;

// No mixinStandardHelpOptions: here --version is the engine version, so only --help is declared.
@Command(name = "list",
        description = {"Lists every parameter one engine version knows, with type, unit, range, default and apply mode.",
                "With --instance: the catalog in force for that instance (its server's own description once it was",
                "read, else the shipped catalog), with the source of each entry and how it differs from the shipped one."})
final class CatalogListCommand implements Callable<Integer> {

    private final CliSession session;

    @Spec
    private CommandSpec spec;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "postgresql, mysql, mariadb, sqlserver or oracle.")
    private String engine;

    @Option(names = "--version", paramLabel = "V",
            description = "Major version (16, 8.0, 10.11, 2022, 19c); a full version such as 16.4 is reduced to its major.")
    private String version;

    @Option(names = "--instance", paramLabel = "NAME",
            description = "An instance of the fleet (name or id) instead of --engine and --version.")
    private String instance;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    private boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    CatalogListCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (instance != null) {
            if (engine != null || version != null) {
                throw new ParameterException(spec.commandLine(), "Give either --instance or --engine and --version, not"
                        + " both: an instance's engine and version are its server's.");
            }
            return listFor(session.context().catalogService().effective(instance));
        }
        if (engine == null || version == null) {
            String missing = engine == null && version == null ? "options: '--engine=ENGINE' and '--version=V' (or --instance NAME)"
                    : engine == null ? "option: '--engine=ENGINE'" : "option: '--version=V'";
            throw new ParameterException(spec.commandLine(), "Missing required " + missing);
        }
        Engine e = Engine.require(engine);
        if (version.isBlank()) {
            throw UserError.input("--version is empty. Catalogued " + e.displayName() + " versions: "
                    + String.join(", ", e.supportedVersions()) + ".");
        }
        EngineVersion v;
        try {
            v = EngineVersion.fromServerVersion(e, version);
        } catch (IllegalArgumentException notAVersion) {
            throw UserError.input("--version '" + version + "' is not a " + e.displayName() + " version. Catalogued "
                    + e.displayName() + " versions: " + String.join(", ", e.supportedVersions()) + ".");
        }
        // a version without a catalog is a user error that names the versions that ship
        ParameterCatalog catalog = session.catalogs().require(e, v.major());
        if (json) {
            Json.print(session.out(), catalog.parameters().stream().map(CliJson.ParameterJson::of).toList());
        } else {
            // UNIT is the base unit a bare number is in; DEFAULT, MIN and MAX are written as a DBA writes them
            Table table = new Table("NAME", "TYPE", "UNIT", "DEFAULT", "MIN", "MAX", "APPLY", "CATEGORY");
            for (ParameterSpec p : catalog.parameters()) {
                CliJson.DisplayJson shown = CliJson.DisplayJson.of(p);
                table.row(p.name(), lower(p.type()), p.unit(), Table.clip(shown.defaultValue(), 40), shown.min(), shown.max(),
                        p.applyMode().label(), p.category());
            }
            table.print(session.out());
        }
        return ExitCodes.OK;
    }

    private int listFor(InstanceCatalog found) {
        EffectiveCatalog catalog = found.catalog();
        if (json) {
            Json.print(session.out(), catalog.parameters().stream().map(CliJson.InstanceParameterJson::of).toList());
            return ExitCodes.OK;
        }
        session.out().println(catalog.source() == CatalogSource.SERVER
                ? found.instance().name() + ": " + catalog.catalog().origin() + ", as its server described itself at "
                        + catalog.readAt() + " (source: server)"
                : found.instance().name() + ": " + catalog.catalog().origin() + " (source: shipped; its server was never"
                        + " read: 'knobwright fleet refresh " + found.instance().name() + "' reads its own description)");
        Table table = new Table("NAME", "SOURCE", "TYPE", "UNIT", "DEFAULT", "MIN", "MAX", "APPLY", "DIFFERS FROM SHIPPED");
        for (EffectiveParameter e : catalog.parameters()) {
            ParameterSpec p = e.spec();
            CliJson.DisplayJson shown = CliJson.DisplayJson.of(p);
            table.row(p.name(), e.known() ? e.source().label() : e.source().label() + " (not on server)", lower(p.type()),
                    p.unit(), Table.clip(shown.defaultValue(), 30), shown.min(), shown.max(), p.applyMode().label(),
                    Table.clip(String.join("; ", e.differences()), 90));
        }
        table.print(session.out());
        long differing = catalog.differing().size();
        session.out().println(catalog.parameters().size() + " parameters; " + differing + " differ from the shipped catalog.");
        return ExitCodes.OK;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

}
