package io.knobwright.app.template;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.config.SkippedSetting;
import io.knobwright.model.config.ServerLocalSettings;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.text.Names;
import io.knobwright.model.text.ShownText;
import io.knobwright.model.value.Values;

import java.util.Optional;

/**
 * The checks every imported setting passes, whatever file it came from (postgresql.conf, my.cnf, YAML, JSON),
 * so an import refuses and skips the same things with the same words. A setting is kept, skipped with a reason
 * (one server's own setting, read-only, an extension's or a curated catalog's gap: decision 0107), or refused
 * with a problem that names file and line.
 */
final class ImportedEntryCheck {

    /** What becomes of one setting: exactly one of the three is set. */
    record Verdict(ParameterSpec kept, SkippedSetting skipped, String problem) {

        static Verdict keep(ParameterSpec spec) {
            return new Verdict(spec, null, null);
        }

        static Verdict skip(SkippedSetting skipped) {
            return new Verdict(null, skipped, null);
        }

        static Verdict refuse(String problem) {
            return new Verdict(null, null, problem);
        }
    }

    private static final String NOT_QUOTED = " (the name is not quoted: the file was included, not named for the import)";

    private ImportedEntryCheck() {
    }

    /**
     * @param literal the value as written, checked as the server reads it; null for an expression or a reset,
     *                which only resolving can check
     * @param file    the file that set it, as messages name it
     * @param named   the user named that file; a name from a file it includes is quoted only when the catalog
     *                knows it (an include can point anywhere: {@code include_if_exists '/etc/shadow'} must not
     *                list the accounts), and a value only as the short, sanitised excerpt {@link Values} quotes
     */
    static Verdict check(String name, String literal, String file, int line, boolean named, ParameterCatalog catalog) {
        String where = file + (line > 0 ? " line " + line : "");
        EngineVersion version = catalog.engineVersion();
        Optional<String> hidden = Names.problem("The parameter name", name);
        if (hidden.isPresent()) {
            return Verdict.refuse(where + ": " + (named ? hidden.get() : "the parameter name holds an invisible or control character"
                    + NOT_QUOTED));
        }
        Optional<String> local = ServerLocalSettings.reason(version.engine(), name);
        if (local.isPresent()) {
            return Verdict.skip(new SkippedSetting(name, file, line, "it " + local.get()));
        }
        Optional<ParameterSpec> spec = catalog.find(name);
        if (spec.isEmpty()) {
            return unknown(name, file, line, catalog).map(Verdict::skip)
                    .orElseGet(() -> Verdict.refuse(where + ": " + (named ? ShownText.excerpt(name, ShownText.EXCERPT)
                            + " is not a " + version + " parameter" : "not a " + version + " parameter" + NOT_QUOTED)));
        }
        if (spec.get().applyMode() == ApplyMode.READ_ONLY) {
            return Verdict.skip(new SkippedSetting(name, file, line, "read-only on " + version + ": no configuration changes it"));
        }
        if (literal != null && (literal.indexOf('\n') >= 0 || literal.indexOf('\r') >= 0)) {
            // postgresql.conf and my.cnf hold one setting per line: such a value cannot be exported and read back
            return Verdict.refuse(where + ": the value of " + name + " holds a line break, which a configuration file"
                    + " cannot hold; write it on one line");
        }
        if (literal != null) {
            Optional<String> problem = Values.problem(spec.get(), literal);
            if (problem.isPresent()) {
                return Verdict.refuse(where + ": " + problem.get());
            }
        }
        return Verdict.keep(spec.get());
    }

    /**
     * A name the catalog does not know that the server would still accept: an extension's parameter in
     * postgresql.conf (it has a dot), or anything when the catalog is curated and partial (decision 0022).
     */
    private static Optional<SkippedSetting> unknown(String name, String file, int line, ParameterCatalog catalog) {
        EngineVersion version = catalog.engineVersion();
        if (version.engine() == Engine.POSTGRESQL && name.contains(".")) {
            return Optional.of(new SkippedSetting(name, file, line,
                    "an extension's parameter; the " + version + " catalog has the server's own parameters only"));
        }
        if (catalog.origin().startsWith("Curated")) {
            return Optional.of(new SkippedSetting(name, file, line, "not in Knobwright's " + version
                    + " catalog, which is curated and holds only the parameters DBAs tune most"));
        }
        return Optional.empty();
    }
}
