package io.knobwright.model.forecast;

import io.knobwright.model.workload.SizePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Size series of the shapes DBAs meet, for the forecast bench and tests (decision 0129): measured every 6 hours with
 * a jitter of up to 2 hours, with two gaps of 2 to 4 days, day-to-day growth noise (30% of the day's growth) and a
 * reading noise of 0.02% of the size. Day 0 is {@link #START} (a Monday).
 */
public final class SyntheticSizes {

    public static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    public static final long GB = 1L << 30;
    public static final long MB = 1L << 20;

    /** The shapes of the bench; each names its parameters. */
    public enum Shape {
        /** 300 MB a day. */
        STEADY("steady", "300 MB/day"),
        /** 420 MB each weekday, 60 MB on Saturdays and Sundays. */
        WEEKLY("weekly cycle", "420 MB/weekday, 60 MB/weekend day"),
        /** 250 MB a day, and bulk loads of 12 GB on day 60 and 25 GB on day 128. */
        BULK_LOAD("bulk load", "250 MB/day, +12 GB on day 60, +25 GB on day 128"),
        /** 500 MB a day, and every Sunday a purge of 2.8 GB (a weekly partition dropped): net 100 MB a day. */
        PURGE_SAWTOOTH("purge sawtooth", "500 MB/day, -2.8 GB every Sunday"),
        /** Growth of 80 MB a day growing 1.1% a day (doubling in about 9 weeks). */
        ACCELERATION("acceleration", "80 MB/day x e^(day/90)"),
        /** 400 MB a day until day 100, then 5 MB a day. */
        PLATEAU("plateau", "400 MB/day until day 100, then 5 MB/day");

        private final String label;
        private final String parameters;

        Shape(String label, String parameters) {
            this.label = label;
            this.parameters = parameters;
        }

        public String label() {
            return label;
        }

        public String parameters() {
            return parameters;
        }
    }

    private SyntheticSizes() {
    }

    /** The true (noise-free) growth on day {@code day}. */
    static double growth(Shape shape, int day) {
        int weekday = Math.floorMod(day, 7); // 0 = Monday
        return switch (shape) {
            case STEADY -> 300.0 * MB;
            case WEEKLY -> weekday >= 5 ? 60.0 * MB : 420.0 * MB;
            case BULK_LOAD -> 250.0 * MB + (day == 60 ? 12.0 * GB : 0) + (day == 128 ? 25.0 * GB : 0);
            case PURGE_SAWTOOTH -> 500.0 * MB - (weekday == 6 ? 2.8 * GB : 0);
            case ACCELERATION -> 80.0 * MB * Math.exp(day / 90.0);
            case PLATEAU -> day < 100 ? 400.0 * MB : 5.0 * MB;
        };
    }

    private static boolean isStep(Shape shape, int day) {
        return (shape == Shape.BULK_LOAD && (day == 60 || day == 128))
                || (shape == Shape.PURGE_SAWTOOTH && Math.floorMod(day, 7) == 6);
    }

    /** {@code days} days of {@code shape}, starting at 40 GB. */
    public static SizeSeries generate(Shape shape, long seed, int days) {
        SplittableRandom random = new SplittableRandom(seed * 31 + shape.ordinal());
        // startOfDay[d + 1] - startOfDay[d] is day d's growth, spread over the day's hours.
        double[] startOfDay = new double[days + 1];
        startOfDay[0] = 40.0 * GB;
        for (int d = 0; d < days; d++) {
            double g = growth(shape, d);
            double usual = isStep(shape, d) ? growth(shape, d - 1) : g;
            startOfDay[d + 1] = startOfDay[d] + g + 0.3 * Math.abs(usual) * gaussian(random);
        }
        int gap1 = 20 + random.nextInt(days / 3);
        int gap2 = days / 2 + random.nextInt(days / 3);
        int gapLength1 = 2 + random.nextInt(3);
        int gapLength2 = 2 + random.nextInt(3);
        List<SizePoint> points = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            if ((d >= gap1 && d < gap1 + gapLength1) || (d >= gap2 && d < gap2 + gapLength2)) {
                continue;
            }
            for (int slot = 0; slot < 4; slot++) {
                double hour = 3 + slot * 6 + (random.nextDouble() * 4 - 2);
                double size = startOfDay[d] + (startOfDay[d + 1] - startOfDay[d]) * hour / 24;
                size *= 1 + 0.0002 * gaussian(random);
                points.add(new SizePoint(START.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(Math.round(hour * 60))),
                        Math.max(0, Math.round(size))));
            }
        }
        return SizeSeries.of(points);
    }

    private static double gaussian(SplittableRandom random) {
        double u = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
