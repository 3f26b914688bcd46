package io.knobwright.app.ui.operations;

import java.time.Duration;

/** Time left as a clock shows it: "12:04", "1:02:09"; never negative. */
final class Countdown {

    private Countdown() {
    }

    static String of(Duration left) {
        long seconds = Math.max(0, left.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, secs) : String.format("%d:%02d", minutes, secs);
    }
}
