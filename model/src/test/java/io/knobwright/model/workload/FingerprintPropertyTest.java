package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties over generated statements (decision 0090: plain JUnit, a seeded Random, the seed and the input in the
 * failure message): the fingerprint ignores literal values, literal forms and list lengths, and statements that
 * differ in a table, a column or an operator differ.
 */
class FingerprintPropertyTest {

    private static final long SEED = 0x5eed_0121L;
    private static final String[] TABLES = {"orders", "users", "line_items", "\"Audit\"", "public.accounts"};
    private static final String[] COLUMNS = {"id", "status", "created_at", "customer_id", "\"Total\""};
    private static final String[] OPERATORS = {"=", "<", ">=", "<>", "like"};

    /** One statement's shape; {@link #render} writes it with literals of {@code random}'s choosing. */
    private record Shape(String table, String column, String operator, String listColumn, int form) {

        String render(Random random, boolean placeholders) {
            int[] next = {1};
            StringBuilder sql = new StringBuilder();
            switch (form) {
                case 0 -> sql.append(kw(random, "SELECT")).append(" * ").append(kw(random, "from")).append(' ').append(table)
                        .append(ws(random)).append(kw(random, "WHERE")).append(' ').append(column).append(ws(random))
                        .append(operator).append(ws(random)).append(literal(random, placeholders, next))
                        .append(' ').append(kw(random, "AND")).append(' ').append(listColumn).append(' ')
                        .append(kw(random, "IN")).append(random.nextBoolean() ? " (" : "(").append(list(random, placeholders, next))
                        .append(')');
                case 1 -> sql.append(kw(random, "UPDATE")).append(' ').append(table).append(' ').append(kw(random, "SET"))
                        .append(' ').append(column).append(" = ").append(literal(random, placeholders, next)).append(ws(random))
                        .append(kw(random, "where")).append(' ').append(listColumn).append(' ').append(operator).append(' ')
                        .append(literal(random, placeholders, next));
                default -> {
                    sql.append(kw(random, "insert into")).append(' ').append(table).append(" (").append(column).append(", ")
                            .append(listColumn).append(") ").append(kw(random, "VALUES")).append(' ');
                    int rows = 1 + random.nextInt(random.nextBoolean() ? 3 : 300);
                    for (int r = 0; r < rows; r++) {
                        sql.append(r == 0 ? "" : random.nextBoolean() ? ", " : ",").append('(')
                                .append(literal(random, placeholders, next)).append(",").append(ws(random))
                                .append(literal(random, placeholders, next)).append(')');
                    }
                }
            }
            if (random.nextInt(4) == 0) {
                sql.insert(0, "/* request " + random.nextInt() + " */ ");
            }
            return sql.append(random.nextBoolean() ? ";" : "").toString();
        }
    }

    private static String kw(Random random, String keyword) {
        return random.nextBoolean() ? keyword.toUpperCase(java.util.Locale.ROOT) : keyword.toLowerCase(java.util.Locale.ROOT);
    }

    private static String ws(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> " ";
            case 1 -> "\n  ";
            case 2 -> " -- note\n";
            default -> "\t ";
        };
    }

    private static String list(Random random, boolean placeholders, int[] next) {
        int length = 1 + random.nextInt(random.nextBoolean() ? 5 : 2_000);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(i == 0 ? "" : random.nextBoolean() ? ", " : ",");
            // a list holds one kind of literal: numbers, strings or placeholders
            s.append(placeholders ? "$" + next[0]++ : Long.toString(random.nextLong() % 100_000));
        }
        return s.toString();
    }

    private static String literal(Random random, boolean placeholders, int[] next) {
        if (placeholders) {
            return "$" + next[0]++;
        }
        return switch (random.nextInt(7)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> "-" + random.nextInt(1000);
            case 2 -> String.format(java.util.Locale.ROOT, "%.3f", random.nextDouble() * 1e6);
            case 3 -> "'" + randomText(random).replace("'", "''") + "'";
            case 4 -> "E'" + randomText(random).replace("\\", "\\\\").replace("'", "\\'") + "'";
            case 5 -> "$$" + randomText(random).replace("$", "") + "$$";
            default -> random.nextBoolean() ? "TRUE" : "1.5e" + random.nextInt(30);
        };
    }

    private static String randomText(Random random) {
        String alphabet = "abc XYZ'\\\"$;()-,/*é\n";
        char[] text = new char[random.nextInt(20)];
        for (int i = 0; i < text.length; i++) {
            text[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(text);
    }

    private static Shape shape(Random random) {
        int form = random.nextInt(3);
        String operator = OPERATORS[random.nextInt(OPERATORS.length)];
        return new Shape(TABLES[random.nextInt(TABLES.length)], COLUMNS[random.nextInt(COLUMNS.length)],
                form == 2 ? "" : operator, COLUMNS[random.nextInt(COLUMNS.length)], form); // an insert has no operator
    }

    @Test
    void literalValuesLiteralFormsAndListLengthsDoNotChangeTheFingerprint() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2_000; i++) {
            Shape shape = shape(random);
            String a = shape.render(random, false);
            String b = shape.render(random, random.nextBoolean());
            Fingerprint fa = Fingerprinter.POSTGRESQL.fingerprint(a);
            Fingerprint fb = Fingerprinter.POSTGRESQL.fingerprint(b);
            assertThat(fa).as("seed %x, case %d:%n%s%n%s", SEED, i, a, b).isEqualTo(fb);
        }
    }

    @Test
    void statementsThatDifferInATableAColumnOrAnOperatorDiffer() {
        Random random = new Random(SEED + 1);
        Map<Long, Shape> seen = new HashMap<>();
        Map<Shape, Long> ids = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            Shape shape = shape(random);
            String sql = shape.render(random, random.nextBoolean());
            long id = Fingerprinter.POSTGRESQL.id(sql);
            Shape before = seen.putIfAbsent(id, shape);
            assertThat(before == null || before.equals(shape)).as("seed %x, case %d: %s has the id of %s (%s)", SEED + 1, i,
                    shape, before, sql).isTrue();
            Long idBefore = ids.putIfAbsent(shape, id);
            assertThat(idBefore == null || idBefore == id).as("seed %x, case %d: %s got two ids (%s)", SEED + 1, i, shape, sql)
                    .isTrue();
        }
        // every shape drawn: 5 tables x 5 columns x 5 operators x 5 columns x 3 forms, less those a form ignores
        assertThat(ids.size()).isGreaterThan(500);
    }
}
