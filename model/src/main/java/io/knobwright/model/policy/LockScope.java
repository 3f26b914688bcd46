package io.knobwright.model.policy;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;

import java.util.Locale;
import java.util.Objects;

/**
 * Which instances a lock covers: all, one engine, one tier, one tag ({@code team=payments}) or one instance by name.
 * Written as the CLI and the policy file take it: {@code all}, {@code engine:postgresql}, {@code tier:production},
 * {@code tag:team=payments}, {@code instance:orders-1}.
 */
public record LockScope(Kind kind, String value) {

    public enum Kind { ALL, ENGINE, TIER, TAG, INSTANCE }

    public static final LockScope ALL = new LockScope(Kind.ALL, "");

    public LockScope {
        Objects.requireNonNull(kind, "kind");
        value = value == null ? "" : value.strip();
        if (kind != Kind.ALL && value.isEmpty()) {
            throw new IllegalArgumentException("A lock scope of kind " + kind.name().toLowerCase(Locale.ROOT) + " needs a value");
        }
        if (kind == Kind.TAG && (value.indexOf('=') <= 0)) {
            throw new IllegalArgumentException("Tag scope '" + value + "' must be key=value, e.g. tag:team=payments");
        }
    }

    /** Parses {@code all}, {@code engine:NAME}, {@code tier:NAME}, {@code tag:KEY=VALUE}, {@code instance:NAME}. */
    public static LockScope parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase("all")) {
            return ALL;
        }
        int colon = t.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Scope '" + t + "' is not one of: all, engine:NAME, tier:NAME, tag:KEY=VALUE, instance:NAME");
        }
        String kind = t.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = t.substring(colon + 1).strip();
        return switch (kind) {
            case "engine" -> new LockScope(Kind.ENGINE, Engine.parse(value).orElseThrow(() -> new IllegalArgumentException(
                    "Engine '" + value + "' is unknown; use postgresql, mysql, mariadb, sqlserver or oracle")).id());
            case "tier" -> new LockScope(Kind.TIER, tier(value).name().toLowerCase(Locale.ROOT));
            case "tag" -> new LockScope(Kind.TAG, value);
            case "instance" -> new LockScope(Kind.INSTANCE, value);
            default -> throw new IllegalArgumentException("Scope kind '" + kind + "' is unknown; use all, engine, tier, tag or instance");
        };
    }

    private static Tier tier(String value) {
        try {
            return Tier.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Tier '" + value + "' is unknown; use production, staging, test or development");
        }
    }

    /** Whether an instance falls under this scope; a plan whose instance was removed is matched by name only. */
    public boolean covers(String instanceName, Instance instance) {
        return switch (kind) {
            case ALL -> true;
            case INSTANCE -> value.equals(instanceName);
            case ENGINE -> instance != null && instance.engine().id().equals(value);
            case TIER -> instance != null && instance.tier().name().equalsIgnoreCase(value);
            case TAG -> instance != null && value.substring(value.indexOf('=') + 1)
                    .equals(instance.tags().get(value.substring(0, value.indexOf('='))));
        };
    }

    @Override
    public String toString() {
        return kind == Kind.ALL ? "all" : kind.name().toLowerCase(Locale.ROOT) + ":" + value;
    }
}
