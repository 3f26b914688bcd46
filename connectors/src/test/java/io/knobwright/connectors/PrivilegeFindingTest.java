package io.knobwright.connectors;

import io.knobwright.connectors.PrivilegeFinding.Status;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.HardwareFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A finding cannot be granted with a remedy, nor missing without the statement that fixes it. */
class PrivilegeFindingTest {

    @Test
    void aMissingPrivilegeCarriesItsGrantAndAGrantedOneNothing() {
        assertThat(PrivilegeFinding.missing("PROCESS", "see every session", "GRANT PROCESS ON *.* TO 'a'@'%';").remedy())
                .isEqualTo("GRANT PROCESS ON *.* TO 'a'@'%';");
        assertThat(PrivilegeFinding.granted("PROCESS", "see every session").granted()).isTrue();
        assertThatThrownBy(() -> new PrivilegeFinding("PROCESS", "see every session", Status.MISSING, ""))
                .hasMessage("A MISSING PROCESS needs a remedy: the statement to run or what to change");
        assertThatThrownBy(() -> new PrivilegeFinding("PROCESS", "see every session", Status.GRANTED, "GRANT ..."))
                .hasMessage("A granted PROCESS needs no remedy");
        assertThatThrownBy(() -> PrivilegeFinding.granted(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrivilegeFinding.granted("PROCESS", "")).hasMessage("Say what Knobwright reads with PROCESS");
    }

    @Test
    void aReportSortsItsFindingsIntoMissingAndUnavailable() {
        ServerInfo server = new ServerInfo(new EngineVersion(Engine.MARIADB, "10.11"), "10.11.19", HardwareFacts.UNKNOWN);
        ConnectionReport report = new ConnectionReport(server, null, 500, List.of(
                PrivilegeFinding.granted("SHOW GLOBAL VARIABLES / STATUS", "read settings"),
                PrivilegeFinding.missing("PROCESS", "see every session", "GRANT PROCESS ON *.* TO 'a'@'%';"),
                PrivilegeFinding.unavailable("performance_schema = ON", "collect digests", "set it in my.cnf")));

        assertThat(report.login()).isEmpty();
        assertThat(report.missing()).extracting(PrivilegeFinding::need).containsExactly("PROCESS");
        assertThat(report.unavailable()).extracting(PrivilegeFinding::need).containsExactly("performance_schema = ON");
        assertThatThrownBy(() -> new ConnectionReport(server, "a", -1, List.of())).hasMessage("settingsRead cannot be negative: -1");
    }

    @Test
    void everyReasonHasAHeadlineUnderItsGroup() {
        for (FailureReason reason : FailureReason.values()) {
            assertThat(reason.headline()).startsWith(reason.group().headline() + ": ").hasSizeGreaterThan(reason.group().headline().length() + 5);
        }
        assertThat(new ConnectorException("plain").reason()).isEqualTo(FailureReason.OTHER);
        assertThat(ConnectorException.badInput("bad url", null).reason()).isEqualTo(FailureReason.OTHER);
    }
}
