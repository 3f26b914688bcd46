package io.knobwright.app.template;

import io.knobwright.model.config.MyCnfFile;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.TemplateException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Which engine version a server's configuration file is checked against: the version the user gives (its
 * engine from --engine or, for my.cnf, the one engine with that version), else the instance's engine and version,
 * else the one catalogued version the file's groups are written for ([mariadb-10.11], [mysqld-8.0]), else the
 * newest catalog of the engine (for my.cnf MariaDB when it has groups only MariaDB reads, else MySQL), said so.
 * See docs/decisions/0107-server-configuration-files-in-and-out.md.
 */
final class VersionChoice {

    static final String NEWEST = "the newest catalog: neither the file nor the import says which version the server runs";

    private VersionChoice() {
    }

    /** @param cnf the parsed my.cnf, or null for postgresql.conf */
    static CheckedAgainst choose(ConfigFormat format, Engine engine, String version, Instance instance, MyCnfFile cnf) {
        if (instance != null) {
            return ofInstance(engine, version, instance);
        }
        List<Engine> candidates = engine != null ? List.of(engine)
                : format == ConfigFormat.MY_CNF ? List.of(Engine.MYSQL, Engine.MARIADB) : List.of(Engine.POSTGRESQL);
        if (version != null) {
            return new CheckedAgainst(withVersion(candidates, version), "as given", false);
        }
        if (cnf != null) {
            List<EngineVersion> named = cnf.versionGroups().stream()
                    .filter(v -> candidates.contains(v.engine()) && v.hasCatalog()).toList();
            if (named.size() == 1) {
                return new CheckedAgainst(named.getFirst(), "named by the file's groups", false);
            }
            if (named.size() > 1) {
                throw new TemplateException("The file has groups for " + named.stream().map(EngineVersion::toString)
                        .collect(Collectors.joining(" and ")) + ": say which version the server runs"
                        + " (--version or --instance, or the version in the import dialog)");
            }
        }
        Engine chosen = engine != null ? engine
                : format == ConfigFormat.MY_CNF ? (cnf != null && cnf.hasMariaDbGroups() ? Engine.MARIADB : Engine.MYSQL)
                : Engine.POSTGRESQL;
        return new CheckedAgainst(new EngineVersion(chosen, chosen.supportedVersions().getLast()), NEWEST, true);
    }

    private static CheckedAgainst ofInstance(Engine engine, String version, Instance instance) {
        if (engine != null && engine != instance.engine()) {
            throw new TemplateException("Instance '" + instance.name() + "' runs " + instance.engine().displayName()
                    + ", not " + engine.displayName() + ": leave out the engine or the instance");
        }
        if (version != null && !EngineVersion.fromServerVersion(instance.engine(), version).major().equals(instance.version())) {
            throw new TemplateException("Instance '" + instance.name() + "' runs " + instance.engine().displayName() + " "
                    + instance.version() + ", not " + version + ": leave out the version or the instance");
        }
        return new CheckedAgainst(new EngineVersion(instance.engine(), instance.version()), "of instance " + instance.name(), false);
    }

    /** The version given, reduced to its major ("10.11.9" is 10.11), for the one candidate engine that has it. */
    private static EngineVersion withVersion(List<Engine> candidates, String version) {
        if (candidates.size() == 1) {
            return EngineVersion.fromServerVersion(candidates.getFirst(), version);
        }
        List<EngineVersion> known = candidates.stream().map(e -> EngineVersion.fromServerVersion(e, version))
                .filter(EngineVersion::hasCatalog).toList();
        if (known.size() != 1) {
            throw new TemplateException("No catalog for version " + version + " of " + candidates.stream()
                    .map(e -> e.displayName() + " (catalogued: " + String.join(", ", e.supportedVersions()) + ")")
                    .collect(Collectors.joining(" or ")) + "; give one of those versions, or the engine too");
        }
        return known.getFirst();
    }
}
