package io.knobwright.app.ui.welcome;

import io.knobwright.app.ui.common.Formats;
import io.knobwright.connectors.ConnectionReport;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.PrivilegeFinding;

import java.util.List;
import java.util.Objects;

/**
 * A connection test as the user reads it: a headline that says what happened (connected, or which kind of failure:
 * host unreachable and how, authentication and how, ...), a sentence that says what to do, and where the login stands
 * on each privilege Knobwright needs, each missing one with the GRANT to run.
 */
public record ConnectionVerdict(Outcome outcome, String headline, String detail, List<PrivilegeFinding> privileges) {

    /** How the test ended. */
    public enum Outcome {
        /** Connected, and the login has every privilege. */
        CONNECTED,
        /** Connected, but some privilege or server feature is missing: registering works, some screens stay partly empty. */
        CONNECTED_WITH_GAPS,
        /** No connection. */
        FAILED;

        public boolean connected() {
            return this != FAILED;
        }
    }

    public ConnectionVerdict {
        Objects.requireNonNull(outcome, "outcome");
        if (headline == null || headline.isBlank()) {
            throw new IllegalArgumentException("A verdict needs a headline");
        }
        detail = detail == null ? "" : detail;
        privileges = List.copyOf(privileges);
    }

    /** A server that answered: what it is, what was read, and which privileges are missing. */
    public static ConnectionVerdict of(ConnectionReport report) {
        String server = report.server().version().engine().displayName() + " " + report.server().fullVersion();
        String as = report.login().isEmpty() ? "" : " as " + report.login();
        int missing = report.missing().size();
        int unavailable = report.unavailable().size();
        String hardware = Formats.hardware(report.server().hardware());
        StringBuilder detail = new StringBuilder("Read " + Formats.count(report.settingsRead(), "setting", "settings")
                + (hardware.equals("Not known yet") ? "" : "; the server reports " + hardware) + ".");
        if (missing > 0) {
            detail.append(" Run ").append(missing == 1 ? "the GRANT" : "the GRANTs").append(" below as an administrator, then test again;"
                    + " you can add the instance now and grant later.");
        } else if (unavailable > 0) {
            detail.append(" Every privilege is there; the server itself lacks what is marked below.");
        } else {
            detail.append(" Every privilege Knobwright needs is there.");
        }
        if (missing == 0 && unavailable == 0) {
            return new ConnectionVerdict(Outcome.CONNECTED, "Connected to " + server + as, detail.toString(), report.privileges());
        }
        String gaps = missing > 0 ? Formats.count(missing, "privilege is", "privileges are") + " missing"
                : Formats.count(unavailable, "server feature is", "server features are") + " not available";
        return new ConnectionVerdict(Outcome.CONNECTED_WITH_GAPS, "Connected to " + server + as + ", but " + gaps,
                detail.toString(), report.privileges());
    }

    /** A connector's refusal: the headline from its reason, the sentence (what was wrong, what to do) from its message. */
    public static ConnectionVerdict of(ConnectorException failure) {
        return new ConnectionVerdict(Outcome.FAILED, failure.reason().headline(), failure.getMessage(), List.of());
    }

    /** Any other failure, already phrased for the user. */
    public static ConnectionVerdict failed(String message) {
        return new ConnectionVerdict(Outcome.FAILED, "Connection failed", message, List.of());
    }
}
