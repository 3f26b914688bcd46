package io.knobwright.app.bench;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A made-up but plausible fleet for the bench, UI tests and screenshots: teams, services, regions,
 * engine mix, version spread, tiers and hardware in the proportions a mid-size company has.
 * Deterministic for a given size and seed.
 */
public final class SampleFleet {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final String[] TEAMS = {"payments", "orders", "identity", "search", "analytics", "logistics",
            "billing", "catalog", "messaging", "risk", "crm", "platform"};
    private static final String[] SERVICES = {"ledger", "api", "events", "reports", "sessions", "inventory",
            "pricing", "audit", "queue", "profiles", "archive", "ingest", "warehouse", "gateway"};
    private static final String[] REGIONS = {"eu-west-1", "eu-central-1", "us-east-1", "ap-southeast-2"};

    private SampleFleet() {
    }

    public static List<Instance> generate(int size, boolean demo, long seed) {
        Random rnd = new Random(seed);
        List<Instance> fleet = new ArrayList<>(size);
        Map<String, Integer> used = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            fleet.add(instance(rnd, i + 1, demo, used));
        }
        return fleet;
    }

    private static Instance instance(Random rnd, long id, boolean demo, Map<String, Integer> used) {
        Engine engine = pick(rnd, new Engine[]{Engine.POSTGRESQL, Engine.MYSQL, Engine.MARIADB, Engine.SQLSERVER,
                Engine.ORACLE}, new int[]{50, 18, 12, 12, 8});
        String[] version = version(rnd, engine);
        String team = TEAMS[rnd.nextInt(TEAMS.length)];
        String service = SERVICES[rnd.nextInt(SERVICES.length)];
        Tier tier = pick(rnd, Tier.values(), new int[]{35, 20, 15, 30});
        Criticality criticality = switch (tier) {
            case PRODUCTION -> pick(rnd, new Criticality[]{Criticality.CRITICAL, Criticality.HIGH, Criticality.MEDIUM},
                    new int[]{35, 45, 20});
            case STAGING -> pick(rnd, new Criticality[]{Criticality.HIGH, Criticality.MEDIUM, Criticality.LOW},
                    new int[]{20, 60, 20});
            default -> pick(rnd, new Criticality[]{Criticality.MEDIUM, Criticality.LOW}, new int[]{30, 70});
        };
        WorkloadKind workload = team.equals("analytics") || service.equals("warehouse") || service.equals("reports")
                ? WorkloadKind.OLAP
                : pick(rnd, WorkloadKind.values(), new int[]{55, 5, 22, 15, 3});
        String region = REGIONS[rnd.nextInt(REGIONS.length)];
        String base = team + "-" + service + "-" + shortName(engine) + "-" + tierShort(tier);
        int n = used.merge(base, 1, Integer::sum);
        String name = base + String.format(Locale.ROOT, "%02d", n);

        int cpus = pick(rnd, new Integer[]{2, 4, 8, 16, 32, 64}, new int[]{10, 25, 30, 20, 10, 5});
        if (tier == Tier.DEVELOPMENT) {
            cpus = Math.min(cpus, 4);
        }
        long memory = cpus * GIB * (rnd.nextBoolean() ? 4 : 8);
        DiskType disk = pick(rnd, new DiskType[]{DiskType.NVME, DiskType.SSD, DiskType.SAN, DiskType.HDD},
                new int[]{45, 35, 15, 5});
        long diskBytes = pick(rnd, new Long[]{100L, 250L, 500L, 1000L, 2000L, 4000L}, new int[]{15, 25, 25, 20, 10, 5})
                * GIB;

        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", team);
        tags.put("region", region);
        tags.put("app", team + "-" + service);
        ConnectionSpec connection = rnd.nextInt(100) < 30 ? connection(rnd, engine, name, region) : null;
        return new Instance(id, name, engine, version[0], version[1], connection, tags, tier, criticality, workload,
                new HardwareFacts(cpus, memory, disk, diskBytes), demo);
    }

    private static ConnectionSpec connection(Random rnd, Engine engine, String name, String region) {
        String host = name + "." + region + ".db.internal";
        String url = switch (engine) {
            case POSTGRESQL -> "jdbc:postgresql://" + host + ":5432/postgres";
            case MYSQL -> "jdbc:mysql://" + host + ":3306/";
            case MARIADB -> "jdbc:mariadb://" + host + ":3306/";
            case SQLSERVER -> "jdbc:sqlserver://" + host + ":1433;databaseName=master";
            case ORACLE -> "jdbc:oracle:thin:@//" + host + ":1521/ORCLPDB1";
        };
        CredentialRef credential = rnd.nextBoolean() ? new CredentialRef.EnvironmentVariable("KW_DBA_PASSWORD")
                : new CredentialRef.Sealed("c2FtcGxlLW9ubHk=");
        return new ConnectionSpec(url, engine == Engine.POSTGRESQL ? "knobwright" : "kw_monitor", credential);
    }

    /** {major, full version} with the spread of a fleet that upgrades slowly. */
    private static String[] version(Random rnd, Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> pick(rnd, new String[][]{{"13", "13.16"}, {"14", "14.13"}, {"15", "15.8"},
                    {"16", "16.4"}, {"17", "17.2"}, {"18", "18.1"}}, new int[]{8, 15, 25, 30, 17, 5});
            case MYSQL -> pick(rnd, new String[][]{{"8.0", "8.0.39"}, {"8.4", "8.4.2"}}, new int[]{70, 30});
            case MARIADB -> pick(rnd, new String[][]{{"10.11", "10.11.9-MariaDB"}, {"11.4", "11.4.3-MariaDB"}},
                    new int[]{65, 35});
            case SQLSERVER -> pick(rnd, new String[][]{{"2019", "15.0.4385.2"}, {"2022", "16.0.4135.4"}},
                    new int[]{45, 55});
            case ORACLE -> pick(rnd, new String[][]{{"19c", "19.24.0.0.0"}, {"23ai", "23.5.0.24.07"}}, new int[]{80, 20});
        };
    }

    private static String shortName(Engine e) {
        return switch (e) {
            case POSTGRESQL -> "pg";
            case MYSQL -> "my";
            case MARIADB -> "maria";
            case SQLSERVER -> "mssql";
            case ORACLE -> "ora";
        };
    }

    private static String tierShort(Tier t) {
        return switch (t) {
            case PRODUCTION -> "prod";
            case STAGING -> "stg";
            case TEST -> "test";
            case DEVELOPMENT -> "dev";
        };
    }

    private static <T> T pick(Random rnd, T[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
