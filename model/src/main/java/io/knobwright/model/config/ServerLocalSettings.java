package io.knobwright.model.config;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;

import java.util.Map;
import java.util.Optional;

/**
 * Settings that belong to one server rather than to a configuration many servers share: where its own files
 * are, how it is reached, who it is. A template applies to a fleet, so importing them would give every instance
 * the same data directory, port or server_id; they are left out of templates (and reported), and a SQL export
 * never sets them (PostgreSQL refuses ALTER SYSTEM SET data_directory and would put hba_file into
 * postgresql.auto.conf). See docs/decisions/0107-server-configuration-files-in-and-out.md.
 */
public final class ServerLocalSettings {

    private static final String FILES = "names this server's own files";
    private static final String ADDRESS = "is how this server is reached";
    private static final String IDENTITY = "is this server's own identity";

    private static final Map<String, String> POSTGRESQL = Map.of(
            "data_directory", FILES, "config_file", FILES, "hba_file", FILES, "ident_file", FILES,
            "external_pid_file", FILES,
            "port", ADDRESS, "listen_addresses", ADDRESS, "unix_socket_directories", ADDRESS,
            "cluster_name", IDENTITY);

    private static final Map<String, String> MYSQL = Map.ofEntries(
            Map.entry("datadir", FILES), Map.entry("basedir", FILES), Map.entry("pid_file", FILES),
            Map.entry("plugin_dir", FILES), Map.entry("lc_messages_dir", FILES), Map.entry("character_sets_dir", FILES),
            Map.entry("innodb_data_home_dir", FILES), Map.entry("innodb_log_group_home_dir", FILES),
            Map.entry("log_bin_basename", FILES), Map.entry("log_bin_index", FILES), Map.entry("relay_log", FILES),
            Map.entry("relay_log_basename", FILES), Map.entry("relay_log_index", FILES),
            Map.entry("port", ADDRESS), Map.entry("socket", ADDRESS), Map.entry("bind_address", ADDRESS),
            Map.entry("extra_port", ADDRESS), Map.entry("admin_address", ADDRESS), Map.entry("admin_port", ADDRESS),
            Map.entry("mysqlx_port", ADDRESS), Map.entry("mysqlx_socket", ADDRESS), Map.entry("mysqlx_bind_address", ADDRESS),
            Map.entry("server_id", IDENTITY), Map.entry("report_host", IDENTITY), Map.entry("report_port", IDENTITY),
            Map.entry("wsrep_node_name", IDENTITY), Map.entry("wsrep_node_address", IDENTITY),
            Map.entry("wsrep_node_incoming_address", IDENTITY));

    private ServerLocalSettings() {
    }

    /** Why a parameter belongs to one server ("names this server's own files"), or empty for a shareable one. */
    public static Optional<String> reason(Engine engine, String parameter) {
        String name = ParameterCatalog.canonicalName(parameter);
        return Optional.ofNullable(switch (engine) {
            case POSTGRESQL -> POSTGRESQL.get(name);
            case MYSQL, MARIADB -> MYSQL.get(name);
            case SQLSERVER, ORACLE -> null;
        });
    }
}
