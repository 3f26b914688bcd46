package io.knobwright.app.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** `bench analysis` on a small month: its figures, its progress on stderr, and the user's store left alone. */
class BenchAnalysisCommandTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void aSmallRunCountsEverySampleAnalysesEveryInstanceAndPrintsItsFiguresAgainstTheScaledTarget() {
        CliHarness.Result r = cli.run("bench", "analysis", "--instances", "3", "--days", "2", "--parallel", "1");

        // 3 instances x 2 days x 1,440 minutes, each stored and each analysed (profile and recommendation)
        assertThat(r.out()).contains("samples:         8,640 (3 instances x 2 days of 1-minute polls")
                .contains("generation:").contains("analysis:").contains("target < 1 s")
                .contains("per instance:").contains("peak heap:").contains("0 could not be answered");
        assertThat(r.err()).contains("generated day 2/2 of 3 instances").contains("analysed 3/3 instances");
        assertThat(r.exitCode()).isEqualTo(r.out().contains(": met") ? 0 : 1);
        assertThat(cli.openedDataDirs).isEmpty();
    }

    @Test
    void sizesOutsideTheirRangeSayWhatIsAccepted() {
        CliHarness.Result r = cli.run("bench", "analysis", "--days", "0");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--days takes 1 to 400, not 0.");
    }
}
