import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints one line per module with the share of lines and branches its own tests cover, read from JaCoCo's
 * jacoco.csv. Run by `mvn verify` (exec plugin, coverage profile in the parent pom) as a single-file program:
 * {@code java tools/CoverageSummary.java MODULE path/to/jacoco.csv}.
 */
public final class CoverageSummary {

    // Columns of jacoco.csv: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
    private static final int BRANCH_MISSED = 5;
    private static final int BRANCH_COVERED = 6;
    private static final int LINE_MISSED = 7;
    private static final int LINE_COVERED = 8;

    public static void main(String[] args) throws IOException {
        String module = args[0];
        Path csv = Path.of(args[1]);
        if (!Files.exists(csv)) {
            // tests skipped or none run: JaCoCo wrote no report, and there is nothing to sum
            System.out.println("Coverage " + module + ": no report (no tests ran)");
            return;
        }
        long[] sums = new long[LINE_COVERED + 1];
        List<String> rows = Files.readAllLines(csv);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            for (int column : new int[] {BRANCH_MISSED, BRANCH_COVERED, LINE_MISSED, LINE_COVERED}) {
                sums[column] += Long.parseLong(cells[column]);
            }
        }
        long lines = sums[LINE_MISSED] + sums[LINE_COVERED];
        long branches = sums[BRANCH_MISSED] + sums[BRANCH_COVERED];
        System.out.printf("Coverage %s: lines %s (%d of %d), branches %s (%d of %d); %s%n", module,
                percent(sums[LINE_COVERED], lines), sums[LINE_COVERED], lines,
                percent(sums[BRANCH_COVERED], branches), sums[BRANCH_COVERED], branches,
                csv.resolveSibling("index.html"));
    }

    private static String percent(long covered, long total) {
        return total == 0 ? "-" : String.format("%.1f%%", 100.0 * covered / total);
    }
}
