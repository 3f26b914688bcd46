package io.knobwright.model.fleet.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes resources/src/main/resources/demo/fleet.json, the demo fleet: a plausible shop of ~260 instances,
 * mostly PostgreSQL and MySQL, with an Oracle ERP and SQL Server finance corner. Deterministic (fixed seed;
 * java.util.Random's sequence is specified), so regenerating gives the same file. DemoFleetTest fails when
 * the committed file and this generator disagree.
 *
 * <p>Regenerate after editing this class, from the repository root:
 * <pre>
 *   mvn -q -o -pl model -am test-compile
 *   java -cp "model/target/test-classes:model/target/classes:$(cat /tmp/cp.txt)" \
 *        io.knobwright.model.fleet.demo.DemoFleetGenerator resources/src/main/resources/demo/fleet.json
 * </pre>
 * (with the test class path written by {@code mvn -q -o -pl model dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}),
 * or simply run {@code DemoFleetTest} with {@code -Dknobwright.regenerateDemoFleet=true}.
 */
public final class DemoFleetGenerator {

    private static final long SEED = 20_261_125L;
    private static final long GB = 1024L * 1024 * 1024;

    /** One application's database, as its team runs it; weight decides the engine version mix. */
    private record Service(String app, String team, String engine, String workload, boolean critical, int prodPairs,
                           String region) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("payments", "payments", "postgresql", "oltp", true, 2, "eu-west-1"),
            new Service("ledger", "payments", "postgresql", "oltp", true, 1, "eu-west-1"),
            new Service("fraud", "risk", "postgresql", "mixed", true, 1, "eu-central-1"),
            new Service("risk-scoring", "risk", "postgresql", "olap", false, 1, "eu-central-1"),
            new Service("orders", "commerce", "postgresql", "oltp", true, 2, "us-east-1"),
            new Service("cart", "commerce", "postgresql", "oltp", true, 1, "us-east-1"),
            new Service("catalog", "commerce", "postgresql", "web", false, 1, "us-east-1"),
            new Service("pricing", "commerce", "postgresql", "oltp", true, 1, "us-west-2"),
            new Service("search-index", "search", "postgresql", "mixed", false, 1, "us-west-2"),
            new Service("identity", "platform", "postgresql", "oltp", true, 2, "eu-west-1"),
            new Service("keycloak", "platform", "postgresql", "web", true, 1, "eu-west-1"),
            new Service("gitlab", "devtools", "postgresql", "mixed", false, 1, "on-prem-dc1"),
            new Service("jira", "devtools", "postgresql", "mixed", false, 1, "on-prem-dc1"),
            new Service("grafana", "observability", "postgresql", "web", false, 1, "eu-central-1"),
            new Service("metrics-archive", "observability", "postgresql", "olap", false, 1, "eu-central-1"),
            new Service("analytics", "data", "postgresql", "olap", false, 1, "us-east-1"),
            new Service("dwh-staging", "data", "postgresql", "olap", false, 1, "us-east-1"),
            new Service("notifications", "messaging", "postgresql", "oltp", false, 1, "ap-southeast-1"),
            new Service("chat", "messaging", "postgresql", "oltp", false, 1, "ap-southeast-1"),
            new Service("shipping", "logistics", "postgresql", "oltp", true, 1, "eu-central-1"),
            new Service("warehouse-mgmt", "logistics", "postgresql", "mixed", true, 1, "eu-central-1"),
            new Service("loyalty", "crm", "postgresql", "oltp", false, 1, "us-west-2"),
            new Service("geo", "logistics", "postgresql", "mixed", false, 1, "eu-west-1"),
            new Service("shop-frontend", "web", "mysql", "web", true, 2, "us-east-1"),
            new Service("wordpress", "marketing", "mysql", "web", false, 1, "us-east-1"),
            new Service("newsletter", "marketing", "mysql", "oltp", false, 1, "eu-west-1"),
            new Service("inventory", "logistics", "mysql", "oltp", true, 1, "eu-central-1"),
            new Service("tickets", "support", "mysql", "oltp", false, 1, "eu-west-1"),
            new Service("sessions", "web", "mysql", "oltp", true, 1, "us-east-1"),
            new Service("reviews", "commerce", "mysql", "web", false, 1, "us-west-2"),
            new Service("ads", "marketing", "mysql", "mixed", false, 1, "us-west-2"),
            new Service("wiki", "devtools", "mariadb", "web", false, 1, "on-prem-dc1"),
            new Service("nextcloud", "it", "mariadb", "web", false, 1, "on-prem-dc2"),
            new Service("zabbix", "it", "mariadb", "mixed", false, 1, "on-prem-dc2"),
            new Service("booking", "travel", "mariadb", "oltp", true, 1, "eu-west-1"),
            new Service("finance", "finance", "sqlserver", "oltp", true, 1, "on-prem-dc1"),
            new Service("bi-reporting", "finance", "sqlserver", "olap", false, 1, "on-prem-dc1"),
            new Service("hr", "people", "sqlserver", "oltp", false, 1, "on-prem-dc2"),
            new Service("sharepoint", "it", "sqlserver", "mixed", false, 1, "on-prem-dc2"),
            new Service("erp", "finance", "oracle", "oltp", true, 1, "on-prem-dc1"),
            new Service("erp-reporting", "finance", "oracle", "olap", false, 1, "on-prem-dc1"),
            new Service("billing", "finance", "oracle", "oltp", true, 1, "on-prem-dc2"),
            new Service("legacy-crm", "crm", "oracle", "mixed", false, 1, "on-prem-dc2"));

    private static final Map<String, String> PREFIX = Map.of(
            "postgresql", "pg", "mysql", "my", "mariadb", "maria", "sqlserver", "mssql", "oracle", "ora");

    /** Versions per engine with a weight: newer majors dominate, a tail of old ones waits for an upgrade. */
    private static final Map<String, List<Object[]>> VERSIONS = Map.of(
            "postgresql", List.of(new Object[] {"13", 8, "13.22"}, new Object[] {"14", 14, "14.19"},
                    new Object[] {"15", 24, "15.14"}, new Object[] {"16", 28, "16.10"},
                    new Object[] {"17", 20, "17.6"}, new Object[] {"18", 6, "18.0"}),
            "mysql", List.of(new Object[] {"8.0", 60, "8.0.43"}, new Object[] {"8.4", 40, "8.4.6"}),
            "mariadb", List.of(new Object[] {"10.11", 60, "10.11.14"}, new Object[] {"11.4", 40, "11.4.8"}),
            "sqlserver", List.of(new Object[] {"2019", 45, "15.0.4445.1"}, new Object[] {"2022", 55, "16.0.4215.2"}),
            "oracle", List.of(new Object[] {"19c", 75, "19.28.0.0.0"}, new Object[] {"23ai", 25, "23.9.0.25.07"}));

    private static final int[] CPU_STEPS = {2, 4, 8, 16, 32, 48, 64, 96};

    private final Random random = new Random(SEED);
    private final Map<String, Integer> sequence = new HashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "resources/src/main/resources/demo/fleet.json");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, new DemoFleetGenerator().generate(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + target.toAbsolutePath());
    }

    /** The fleet as a JSON inventory, one instance per line so a diff shows which instance changed. */
    public String generate() {
        List<String> lines = new ArrayList<>();
        Map<Service, Object[]> versions = assignVersions();
        for (Service service : SERVICES) {
            Object[] version = versions.get(service);
            for (int pair = 0; pair < service.prodPairs(); pair++) {
                // production: a primary and a replica of the same size, plus a DR copy for critical services
                Map<String, Object> hardware = hardware(service, "production");
                lines.add(line(service, version, "production", "primary", hardware));
                lines.add(line(service, version, "production", "replica", hardware));
                if (service.critical() && pair == 0) {
                    lines.add(line(service, version, "production", "dr", hardware));
                }
            }
            lines.add(line(service, version, "staging", "primary", hardware(service, "staging")));
            if (random.nextInt(100) < 60) {
                lines.add(line(service, version, "test", "primary", hardware(service, "test")));
            }
            // development often runs ahead on a newer major: that is where upgrades are tried first
            Object[] devVersion = random.nextInt(100) < 30 ? pickVersion(service.engine()) : version;
            int devCount = 1 + random.nextInt(2);
            for (int i = 0; i < devCount; i++) {
                lines.add(line(service, devVersion, "development", "primary", hardware(service, "development")));
            }
        }
        return "[\n" + String.join(",\n", lines) + "\n]\n";
    }

    private String line(Service service, Object[] version, String tier, String role, Map<String, Object> hardware) {
        String tierShort = switch (tier) {
            case "production" -> "prod";
            case "staging" -> "stg";
            case "test" -> "test";
            default -> "dev";
        };
        String base = PREFIX.get(service.engine()) + "-" + service.app() + "-" + tierShort;
        int n = sequence.merge(base, 1, Integer::sum);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", base + "-" + String.format(Locale.ROOT, "%02d", n));
        row.put("engine", service.engine());
        row.put("version", version[0]);
        row.put("full_version", version[2]);
        row.put("tier", tier);
        row.put("criticality", criticality(service, tier));
        row.put("workload", service.workload());
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("app", service.app());
        tags.put("team", service.team());
        tags.put("region", tier.equals("production") && role.equals("dr") ? drRegion(service.region()) : service.region());
        tags.put("role", role);
        if (tier.equals("production")) {
            tags.put("ha", ha(service.engine()));
            tags.put("backup", backup(service.engine()));
        }
        tags.put("cost_center", "cc-" + (1000 + Math.abs(service.team().hashCode() % 9000)));
        row.put("tags", tags);
        row.putAll(hardware);
        try {
            return "  " + mapper.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Weighted picks, but every catalogued version runs somewhere so the demo shows each catalog. */
    private Map<Service, Object[]> assignVersions() {
        Map<Service, Object[]> assigned = new HashMap<>();
        for (String engine : List.of("postgresql", "mysql", "mariadb", "sqlserver", "oracle")) {
            List<Service> services = SERVICES.stream().filter(s -> s.engine().equals(engine)).toList();
            List<Object[]> picks = new ArrayList<>(VERSIONS.get(engine));
            while (picks.size() < services.size()) {
                picks.add(pickVersion(engine));
            }
            java.util.Collections.shuffle(picks, random);
            for (int i = 0; i < services.size(); i++) {
                assigned.put(services.get(i), picks.get(i));
            }
        }
        return assigned;
    }

    private Object[] pickVersion(String engine) {
        List<Object[]> options = VERSIONS.get(engine);
        int total = options.stream().mapToInt(o -> (int) o[1]).sum();
        int roll = random.nextInt(total);
        for (Object[] option : options) {
            roll -= (int) option[1];
            if (roll < 0) {
                return option;
            }
        }
        return options.getLast();
    }

    private static String criticality(Service service, String tier) {
        return switch (tier) {
            case "production" -> service.critical() ? "critical" : "high";
            case "staging" -> "medium";
            default -> "low";
        };
    }

    private Map<String, Object> hardware(Service service, String tier) {
        boolean analytic = service.workload().equals("olap");
        int maxStep = switch (tier) {
            case "production" -> service.critical() || analytic ? 7 : 5;
            case "staging" -> 4;
            case "test" -> 2;
            default -> 1;
        };
        int minStep = tier.equals("production") ? 2 : 0;
        int cpus = CPU_STEPS[minStep + random.nextInt(maxStep - minStep + 1)];
        // GB of RAM per CPU: analytic boxes are memory-heavy, small development VMs are lean
        long perCpu = analytic ? 8L << random.nextInt(2) : tier.equals("development") ? 2L << random.nextInt(2) : 4L << random.nextInt(2);
        long memoryGb = Math.min(1024, Math.max(4, cpus * perCpu));
        String diskType = diskType(service, tier);
        long diskGb = (long) (memoryGb * (analytic ? 16 : 4) * (0.5 + random.nextDouble()));
        diskGb = Math.max(50, Math.min(20 * 1024, roundDisk(diskGb)));
        Map<String, Object> hardware = new LinkedHashMap<>();
        hardware.put("cpus", cpus);
        hardware.put("memory", memoryGb % 1024 == 0 ? (memoryGb / 1024) + "TB" : memoryGb + "GB");
        hardware.put("disk_type", diskType);
        hardware.put("disk", diskGb % 1024 == 0 ? (diskGb / 1024) + "TB" : diskGb + "GB");
        return hardware;
    }

    private String diskType(Service service, String tier) {
        if (service.region().startsWith("on-prem")) {
            return tier.equals("development") && random.nextInt(100) < 30 ? "hdd" : "san";
        }
        if (tier.equals("production")) {
            return random.nextInt(100) < 70 ? "nvme" : "ssd";
        }
        return random.nextInt(100) < 85 ? "ssd" : "hdd";
    }

    private static long roundDisk(long gb) {
        long step = gb < 500 ? 50 : gb < 2048 ? 256 : 1024;
        return Math.max(step, (gb + step / 2) / step * step);
    }

    private static String drRegion(String region) {
        return switch (region) {
            case "eu-west-1" -> "eu-central-1";
            case "eu-central-1" -> "eu-west-1";
            case "us-east-1" -> "us-west-2";
            case "us-west-2" -> "us-east-1";
            case "on-prem-dc1" -> "on-prem-dc2";
            case "on-prem-dc2" -> "on-prem-dc1";
            default -> "ap-northeast-1";
        };
    }

    private static String ha(String engine) {
        return switch (engine) {
            case "postgresql" -> "patroni";
            case "mysql" -> "group-replication";
            case "mariadb" -> "galera";
            case "sqlserver" -> "always-on";
            default -> "data-guard";
        };
    }

    private static String backup(String engine) {
        return switch (engine) {
            case "postgresql" -> "pgbackrest";
            case "mysql", "mariadb" -> "xtrabackup";
            case "sqlserver" -> "ola-hallengren";
            default -> "rman";
        };
    }
}
