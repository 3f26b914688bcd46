package io.knobwright.model.config;

/**
 * One option line of a my.cnf file, as written, in the group it appears in.
 *
 * @param group the group (section) in lower case: "mysqld", "client-server", "mariadb-10.11"
 * @param name  lower case with dashes as underscores and without the {@code loose-} prefix: "skip_name_resolve"
 * @param loose written with {@code loose-}: the server ignores it when it does not know it
 * @param value the text after '=', unquoted; null for a bare option such as {@code skip-name-resolve}
 */
public record MyCnfOption(String group, String name, boolean loose, String value, String file, int line) {
}
