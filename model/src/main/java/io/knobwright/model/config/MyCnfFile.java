package io.knobwright.model.config;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A my.cnf with its includes, every group kept: which options apply depends on the server reading it.
 * MySQL reads [mysqld], [server] and [mysqld-8.4]; MariaDB also [mariadb], [mariadbd], [client-server],
 * [galera] and their version-suffixed forms, each only for its own major version (what
 * {@code mariadbd --help --verbose} lists as "The following groups are read").
 *
 * @param groups  every group header in file order, lower case (also empty ones: [mariadb-10.11] alone names a version)
 * @param options every option line in file order, whatever its group
 */
public record MyCnfFile(List<String> groups, List<MyCnfOption> options) {

    private static final Set<String> MYSQL_GROUPS = Set.of("mysqld", "server");
    private static final Set<String> MARIADB_GROUPS = Set.of("mysqld", "server", "mariadb", "mariadbd", "client-server", "galera");
    private static final Pattern VERSIONED = Pattern.compile("(mysqld|mariadb|mariadbd)-(\\d+)\\.(\\d+)");

    public MyCnfFile {
        groups = List.copyOf(groups);
        options = List.copyOf(options);
    }

    /** The options a server of this engine and major version reads, in file order (the last of a name wins). */
    public List<MyCnfOption> serverOptions(EngineVersion server) {
        return options.stream().filter(o -> isReadBy(o.group(), server)).toList();
    }

    /**
     * The server versions the file's version-suffixed groups are written for: [mariadb-10.11] and
     * [mysqld-10.11] name MariaDB 10.11, [mysqld-8.0] MySQL 8.0 (MySQL's majors are below 10, MariaDB's not).
     */
    public Set<EngineVersion> versionGroups() {
        Set<EngineVersion> versions = new LinkedHashSet<>();
        for (String g : groups) {
            Matcher m = VERSIONED.matcher(g);
            if (m.matches()) {
                boolean mysql = m.group(1).equals("mysqld") && Integer.parseInt(m.group(2)) < 10;
                versions.add(new EngineVersion(mysql ? Engine.MYSQL : Engine.MARIADB, m.group(2) + "." + m.group(3)));
            }
        }
        return versions;
    }

    /** True when the file has groups only MariaDB reads ([mariadb], [client-server], [galera], ...). */
    public boolean hasMariaDbGroups() {
        return groups.stream().anyMatch(g -> !MYSQL_GROUPS.contains(g) && MARIADB_GROUPS.contains(g))
                || versionGroups().stream().anyMatch(v -> v.engine() == Engine.MARIADB);
    }

    private static boolean isReadBy(String group, EngineVersion server) {
        Set<String> plain = server.engine() == Engine.MARIADB ? MARIADB_GROUPS : MYSQL_GROUPS;
        if (plain.contains(group)) {
            return true;
        }
        Matcher m = VERSIONED.matcher(group);
        return m.matches() && (server.engine() == Engine.MARIADB || m.group(1).equals("mysqld"))
                && (m.group(2) + "." + m.group(3)).equals(server.major());
    }
}
