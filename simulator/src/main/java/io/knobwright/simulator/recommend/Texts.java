package io.knobwright.simulator.recommend;

import io.knobwright.simulator.model.Text;

/** Numbers as a DBA reads them in a reason: the model's own formats ({@link Text}), and signed changes. */
final class Texts {

    private Texts() {
    }

    static String bytes(double b) {
        return Text.bytes(b);
    }

    static String percent(double ratio) {
        return Text.percent(ratio);
    }

    /** "+12%", "-3.5%". */
    static String change(double ratio) {
        return (ratio >= 0 ? "+" : "") + percent(ratio);
    }

    /** "+12% [+4%, +21%]". */
    static String change(io.knobwright.simulator.model.Estimate gain) {
        if (gain.low() == gain.mean() && gain.high() == gain.mean()) {
            return change(gain.mean());
        }
        return change(gain.mean()) + " [" + change(gain.low()) + ", " + change(gain.high()) + "]";
    }

    /** Three significant digits at most, no trailing zeros. */
    static String number(double v) {
        return Text.fmt(v);
    }
}
