package io.knobwright.app.cli;

import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

// No mixinStandardHelpOptions: here --version is the engine version, so only --help is declared.
@Command(name = "list",
        description = "Lists every parameter one engine version knows, with type, unit, range, default and apply mode.")
final class CatalogListCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--engine", required = true, paramLabel = "ENGINE", description = "postgresql, mysql, mariadb, sqlserver or oracle.")
    private String engine;

    @Option(names = "--version", required = true, paramLabel = "V",
            description = "Major version (16, 8.0, 10.11, 2022, 19c); a full version such as 16.4 is reduced to its major.")
    private String version;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    private boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    CatalogListCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
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
        ParameterCatalog catalog;
        try {
            catalog = session.catalogs().require(e, v.major());
        } catch (IllegalArgumentException noCatalog) {
            // CatalogRepository's message names the versions that ship.
            throw new UserError(UserError.Kind.INPUT, noCatalog.getMessage(), noCatalog);
        }
        if (json) {
            Json.print(session.out(), catalog.parameters().stream().map(CliJson.ParameterJson::of).toList());
        } else {
            Table table = new Table("NAME", "TYPE", "UNIT", "DEFAULT", "MIN", "MAX", "APPLY", "CATEGORY");
            for (ParameterSpec p : catalog.parameters()) {
                table.row(p.name(), lower(p.type()), p.unit(), Table.clip(p.defaultValue(), 40), plain(p.min()), plain(p.max()),
                        lower(p.applyMode()), p.category());
            }
            table.print(session.out());
        }
        return ExitCodes.OK;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String plain(java.math.BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }
}
