/**
 * Typed, unit-normalised parameter values: the one place where "1GB", "1024MB" and "131072" (8kB blocks)
 * become the same thing. Templates, diff views, change plans and validation all compare values through here.
 *
 * <h2>Model</h2>
 * A {@link io.knobwright.model.value.ParameterValue} is one of
 * {@link io.knobwright.model.value.BooleanValue}, {@link io.knobwright.model.value.NumericValue} (an exact decimal
 * in a {@link io.knobwright.model.value.Unit}), {@link io.knobwright.model.value.EnumValue} (the catalog's spelling
 * of the choice) or {@link io.knobwright.model.value.TextValue}. Parsing always yields numbers in the parameter's
 * base unit (the {@code unit} of its {@link io.knobwright.model.catalog.ParameterSpec}, e.g. "8kB"), so two values
 * of one parameter are the same setting exactly when they are {@code equals}. Units belong to a
 * {@link io.knobwright.model.value.UnitFamily}: memory (binary: 1kB = 1024B) or time; a catalog unit that is
 * neither is kept as a label and such values compare as plain numbers.
 *
 * <h2>Entry points</h2>
 * {@link io.knobwright.model.value.Values} (parse, problem, conform, format, readable, formatAmount, normalize,
 * plain, same, validRange) for one
 * parameter; {@link io.knobwright.model.value.ParameterValidator} for (name, value) pairs against a catalog,
 * including unknown names with "did you mean" suggestions. Refusals are
 * {@link io.knobwright.model.value.InvalidValueException}s (unchecked) whose message names the parameter, the
 * engine version, what was given and what would be accepted.
 *
 * <h2>Engine conventions (docs/decisions/0030)</h2>
 * <ul>
 *   <li>PostgreSQL: as guc.c of 12+ reads values. Units B, kB, MB, GB, TB and us, ms, s, min, h, d, case-sensitive
 *       ("1KB" is refused with "did you mean 1kB?"), whitespace allowed before the unit; a bare number is in the
 *       base unit; fractions are rounded first to the next smaller unit, then to the base unit, half to even
 *       ("1500kB" is 188 x 8kB); integers in decimal or 0x hex - a leading 0 means octal to the server, so
 *       "010" is refused with an explanation instead of being read as 8 or 10 (compared as 8, as the server reads
 *       it); modes (unix_socket_permissions, log_file_mode, data_directory_mode) are read and written in octal,
 *       "0700", as SHOW prints them. Booleans on/off/true/false/yes/no/1/0
 *       and unique prefixes (t, f, y, n, of), case-insensitive; enums with on/off also take true/false/yes/no/1/0.
 *       Written back as SHOW does: the largest unit that divides exactly ("1GB", "2min", "500us"), zero and
 *       negative values bare, booleans on/off.</li>
 *   <li>MySQL/MariaDB: whole numbers with an optional K/M/G/T suffix (either case, x1024 each) on integer
 *       parameters, as mysqld reads option files; booleans ON/OFF/TRUE/FALSE/1/0, and 0/1 for enums whose first
 *       choices are OFF and ON (event_scheduler). Byte-sized parameters (catalog
 *       unit "B") are written with the largest exact suffix ("1G", "512M"), others as plain numbers; use
 *       {@link io.knobwright.model.value.Values#plain} for SET GLOBAL, which takes no suffix.</li>
 *   <li>Oracle: K/M/G/T suffixes on memory parameters ("2G" for sga_target), booleans TRUE/FALSE.</li>
 *   <li>SQL Server: plain numbers in the base unit ("4GB" for an MB parameter is refused with "write 4096");
 *       switches 1/0 (ON/OFF and TRUE/FALSE also read).</li>
 *   <li>Everywhere: surrounding whitespace and one pair of quotes are ignored, except in text values, where only
 *       single quotes are unwrapped; enum choices match case-insensitively and are written as the catalog spells
 *       them; ranges come from the catalog (PostgreSQL also enforces its 32-bit integer range). Text is compared
 *       the way the server reads that parameter (DateStyle, lists, encodings, MySQL SET and flag variables; see
 *       ServerText and docs/decisions/0031).</li>
 * </ul>
 */
package io.knobwright.model.value;
