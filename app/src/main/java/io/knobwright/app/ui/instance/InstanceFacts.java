package io.knobwright.app.ui.instance;

import io.knobwright.app.ui.common.Formats;
import io.knobwright.app.ui.common.Labels;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.FactSource;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.JdbcUrlSecrets;

import java.util.ArrayList;
import java.util.List;

/** The facts of an instance as the detail pane lists them. Never shows a password, not even one in a URL. */
final class InstanceFacts {

    private InstanceFacts() {
    }

    static List<Fact> of(Instance i) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Engine", i.engine().displayName()));
        facts.add(new Fact("Version", i.fullVersion().equals(i.version()) ? i.version()
                : i.version() + "  (server reports " + i.fullVersion() + ")"));
        facts.add(new Fact("Tier", Labels.tier(i.tier())));
        facts.add(new Fact("Criticality", Labels.criticality(i.criticality())));
        facts.add(new Fact("Workload", Labels.workload(i.workload())));
        HardwareFacts h = i.hardware();
        facts.add(new Fact("CPUs", sourced(Formats.cpus(h.cpus()), h.source(HardwareFact.CPUS))));
        facts.add(new Fact("RAM", sourced(Formats.bytes(h.memoryBytes()), h.source(HardwareFact.RAM))));
        // The size's source speaks for the disk when both are known: both are entered in practice (never probed).
        facts.add(new Fact("Disk", sourced(Formats.disk(h), h.source(h.isKnown(HardwareFact.DISK_SIZE)
                ? HardwareFact.DISK_SIZE : HardwareFact.DISK_TYPE))));
        facts.add(new Fact("Tags", i.tags().isEmpty() ? "none" : Formats.tags(i.tags())));
        ConnectionSpec c = i.connection();
        if (c == null) {
            facts.add(new Fact("Connection", i.demo() ? "Demo instance: no server behind it"
                    : "Inventory only: no connection details"));
        } else {
            facts.add(new Fact("JDBC URL", safeUrl(c.jdbcUrl())));
            facts.add(new Fact("User", c.user() == null || c.user().isBlank() ? "(driver default)" : c.user()));
            facts.add(new Fact("Password", passwordSource(c.credential())));
        }
        return facts;
    }

    /** "64 GB (probed)"; an unknown fact says how to fill it in. */
    private static String sourced(String value, FactSource source) {
        return source == FactSource.UNKNOWN ? "unknown; enter it with Edit" : value + "  (" + source.label() + ")";
    }

    /** Every secret the URL carries masked, as the CLI masks it (a URL stored before decision 0053 may hold one). */
    static String safeUrl(String url) {
        return JdbcUrlSecrets.mask(url);
    }

    private static String passwordSource(CredentialRef ref) {
        return switch (ref) {
            case CredentialRef.None n -> "none (trust or peer authentication)";
            case CredentialRef.EnvironmentVariable env -> "from $" + env.variable() + " at connect time";
            case CredentialRef.Sealed s -> "sealed in the local store";
        };
    }
}
