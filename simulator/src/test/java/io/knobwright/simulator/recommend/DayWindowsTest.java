package io.knobwright.simulator.recommend;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The day splits into windows only where the workload differs materially, the same way whatever the input order. */
class DayWindowsTest {

    private static final double MB = 1024.0 * 1024;

    /** Daytime OLTP 06-24 (80 clients, 400 tps, no spills), a nightly batch 00-06 (4 clients, 200 MB spilled per tx). */
    static List<HourProfile> dayAndNight() {
        List<HourProfile> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            boolean night = h < 6;
            hours.add(new HourProfile(h, 60, night ? 4 : 80 + h % 3, night ? 5 : 400 + 10 * (h % 4),
                    night ? 0.1 : 0.3, night ? 200 * MB : 0, night ? Map.of("batch", 4.0) : Map.of("app", 80.0),
                    Map.of("shop", 1.0)));
        }
        return hours;
    }

    @Test
    void dailyOltpAndNightlyBatchBecomeTwoWindows() {
        List<DayWindow> windows = DayWindows.split(dayAndNight());

        assertThat(windows).extracting(DayWindow::label).containsExactly("00-06", "06-00");
        assertThat(windows.getFirst().weight()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(windows.getFirst().dominantRole(0.8)).isEqualTo("batch");
        assertThat(windows.getLast().dominantRole(0.8)).isEqualTo("app");
        assertThat(windows.getFirst().tempBytesPerTx()).isEqualTo(200 * MB);
    }

    @Test
    void aDayThatIsAlikeThroughoutStaysOneWindow() {
        List<HourProfile> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(new HourProfile(h, 60, 40 + h % 5, 300 + h, 0.25 + 0.01 * (h % 3), 0, Map.of(), Map.of()));
        }

        assertThat(DayWindows.split(hours)).hasSize(1).first().extracting(DayWindow::weight).isEqualTo(1.0);
    }

    @Test
    void aOneHourSpikeIsNotAWindowOfItsOwn() {
        List<HourProfile> hours = new ArrayList<>(dayAndNight());
        hours.set(12, new HourProfile(12, 60, 400, 5000, 0.9, 0, Map.of(), Map.of()));

        assertThat(DayWindows.split(hours)).allSatisfy(w -> assertThat(w.hours()).hasSizeGreaterThanOrEqualTo(2))
                .extracting(DayWindow::label).doesNotContain("12-13");
    }

    @Test
    void theOrderOfTheHoursDoesNotChangeTheWindows() {
        List<DayWindow> expected = DayWindows.split(dayAndNight());
        for (long seed = 0; seed < 20; seed++) {
            List<HourProfile> shuffled = new ArrayList<>(dayAndNight());
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(DayWindows.split(shuffled)).isEqualTo(expected);
        }
    }

    @Test
    void generatedDaysGiveAtMostThreeWindowsOfTwoHoursOrMoreCoveringEveryHourOnce() {
        for (long seed = 0; seed < 200; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            List<HourProfile> hours = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                if (r.nextInt(6) > 0) {
                    hours.add(new HourProfile(h, 1 + r.nextInt(60), r.nextDouble(300), r.nextDouble(2000),
                            r.nextDouble(), r.nextBoolean() ? 0 : r.nextDouble(1e9), Map.of(), Map.of()));
                }
            }
            List<DayWindow> windows = DayWindows.split(hours);
            String context = "seed " + seed + ": " + windows;
            assertThat(windows).as(context).hasSizeLessThanOrEqualTo(DayWindows.MAX_WINDOWS);
            if (hours.size() >= DayWindows.MIN_HOURS) {
                assertThat(windows).as(context).allSatisfy(w -> assertThat(w.hours())
                        .hasSizeGreaterThanOrEqualTo(DayWindows.MIN_HOURS));
            }
            assertThat(windows.stream().flatMap(w -> w.hours().stream()).sorted().toList()).as(context)
                    .isEqualTo(hours.stream().map(HourProfile::hour).toList());
            assertThat(windows.stream().mapToDouble(DayWindow::weight).sum()).as(context)
                    .isCloseTo(hours.isEmpty() ? 0 : 1, org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
