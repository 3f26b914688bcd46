package io.knobwright.model.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The settings that decide whether a committed transaction survives a crash, each with an order of strength, so
 * that a plan can be told whether it weakens durability and what can be lost. Values arrive as servers report them
 * ("on", "ON", "1", "remote_apply").
 */
public final class DurabilitySettings {

    /**
     * @param strongest the server's durable default, which an unknown "from" is taken to be (synchronous_commit: on, not
     *                  remote_apply, which only a synchronous standby makes stronger)
     */
    private record Setting(ToIntFunction<String> strength, String strongest, String loss) {
    }

    private static final Map<String, Setting> SETTINGS = Map.of(
            "fsync", new Setting(DurabilitySettings::onOff, "on",
                    "with fsync off a crash of the server or the OS can corrupt the whole cluster, not only lose recent commits"),
            "full_page_writes", new Setting(DurabilitySettings::onOff, "on",
                    "with full_page_writes off a crash during a page write can leave torn pages that recovery cannot repair"),
            "synchronous_commit", new Setting(DurabilitySettings::synchronousCommit, "on",
                    "commits acknowledged before their WAL is flushed (or replicated) are lost in a crash or failover"),
            "innodb_flush_log_at_trx_commit", new Setting(DurabilitySettings::flushLogAtCommit, "1",
                    "with 0 or 2 about a second of acknowledged commits is lost in a crash (of mysqld with 0, of the OS with 2)"),
            "sync_binlog", new Setting(DurabilitySettings::syncBinlog, "1",
                    "binary log events not yet synced are lost in an OS crash, so replicas and point-in-time recovery miss commits"),
            "innodb_doublewrite", new Setting(DurabilitySettings::onOff, "on",
                    "without the doublewrite buffer a crash during a page write can leave torn pages"));

    private DurabilitySettings() {
    }

    public static boolean isDurabilitySetting(String parameter) {
        return SETTINGS.containsKey(parameter.toLowerCase(Locale.ROOT));
    }

    /**
     * What a change from {@code from} to {@code to} puts at risk, when it weakens durability; empty when it does not,
     * when the parameter is not a durability setting, or when a value is not understood. An unknown "from" (no
     * baseline) is taken as the durable default (fsync on, synchronous_commit on, flush at every commit), so that turning durability off is never waved through for lack of it.
     */
    public static Optional<String> weakening(String parameter, String from, String to) {
        Setting setting = SETTINGS.get(parameter.toLowerCase(Locale.ROOT));
        if (setting == null || to == null) {
            return Optional.empty();
        }
        int after = setting.strength().applyAsInt(normal(to));
        int before = setting.strength().applyAsInt(from == null ? setting.strongest() : normal(from));
        if (after < 0 || before < 0 || after >= before) {
            return Optional.empty();
        }
        return Optional.of(setting.loss());
    }

    private static String normal(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.startsWith("'") && v.endsWith("'") && v.length() >= 2 ? v.substring(1, v.length() - 1) : v;
    }

    private static int onOff(String v) {
        return switch (v) {
            case "on", "true", "yes", "1" -> 1;
            case "off", "false", "no", "0" -> 0;
            default -> -1;
        };
    }

    private static int synchronousCommit(String v) {
        return switch (v) {
            case "remote_apply" -> 4;
            case "on", "true", "yes", "1" -> 3;
            case "remote_write" -> 2;
            case "local" -> 1;
            case "off", "false", "no", "0" -> 0;
            default -> -1;
        };
    }

    private static int flushLogAtCommit(String v) {
        return switch (v) {
            case "1", "3" -> 2; // MariaDB's 3 also syncs at prepare: as durable as 1
            case "2" -> 1;
            case "0" -> 0;
            default -> -1;
        };
    }

    /** 1 syncs every commit; N > 1 every N commit groups (weaker as N grows); 0 leaves it to the OS (weakest). */
    private static int syncBinlog(String v) {
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                return -1;
            }
            return n == 0 ? 0 : (int) Math.max(1, 1_000_000 / n);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
