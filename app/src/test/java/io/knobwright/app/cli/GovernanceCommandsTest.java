package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The governance commands as scripts call them: users, policy, submit, approve, reject, bypass, audit. */
class GovernanceCommandsTest {

    private static final long GB = 1L << 30;
    private final CliHarness cli = new CliHarness();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void fleetAndUsers() throws Exception {
        Instance pg = cli.add(new Instance(0, "pg-orders-1", Engine.POSTGRESQL, "16", "16.4", null, Map.of("team", "orders"),
                Tier.PRODUCTION, null, null, new HardwareFacts(16, 64 * GB, DiskType.NVME, 1024 * GB), false));
        cli.snapshots().save(new SettingsSnapshot(pg.id(), Instant.parse("2026-11-25T08:00:00Z"), "16.4", List.of(
                new LiveSetting("shared_buffers", "16384", "8kB", "default", false),
                new LiveSetting("work_mem", "4096", "kB", "default", false))));
        ok("user", "add", "--name", "carol", "--role", "admin");
        ok("--as", "carol", "user", "add", "--name", "alice", "--role", "dba");
        ok("--as", "carol", "user", "add", "--name", "bob", "--role", "reviewer,senior-dba");
        ok("--as", "carol", "user", "add", "--name", "olga", "--role", "operator");
        ok("--as", "carol", "user", "add", "--name", "rita", "--role", "reviewer");
    }

    @AfterEach
    void close() {
        cli.close();
    }

    private CliHarness.Result ok(String... args) {
        CliHarness.Result r = cli.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    private JsonNode okJson(String... args) throws Exception {
        return json.readTree(ok(args).out());
    }

    private long draft() throws Exception {
        return okJson("--as", "alice", "plan", "create", "--template", "postgresql-oltp", "--instance", "pg-orders-1",
                "--offline", "--json").get("id").asLong();
    }

    @Test
    void aPlanIsSubmittedWithATicketApprovedByAReviewerAndShownWithItsGovernance() throws Exception {
        long id = draft();
        JsonNode submitted = okJson("--as", "alice", "plan", "submit", Long.toString(id), "--ticket", "CHG0012345",
                "--comment", "align with OLTP", "--json");
        assertThat(submitted.get("state").asText()).isEqualTo("submitted");
        assertThat(submitted.get("ticket").asText()).isEqualTo("CHG0012345");
        assertThat(submitted.get("governance").get("chain").asText()).isEqualTo("1 reviewer");
        assertThat(submitted.get("governance").get("risk").get("reasons").toString()).contains("production tier");

        assertThat(okJson("--as", "bob", "plan", "list", "--awaiting-me", "--json")).hasSize(1);
        assertThat(okJson("--as", "alice", "plan", "list", "--awaiting-me", "--json")).isEmpty();

        CliHarness.Result self = cli.run("--as", "alice", "plan", "approve", Long.toString(id));
        assertThat(self.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(self.err()).contains("may not decide on it");

        assertThat(ok("--as", "bob", "plan", "approve", Long.toString(id), "--comment", "ok").out())
                .contains("Approved plan " + id + " as bob: approved.");
        JsonNode shown = okJson("plan", "show", Long.toString(id), "--json");
        assertThat(shown.get("state").asText()).isEqualTo("approved");
        assertThat(shown.get("changes").size()).isPositive();
        assertThat(shown.get("governance").get("levels").get(0).get("approvals").get(0).get("by").asText()).isEqualTo("bob");
        assertThat(shown.get("governance").get("auditHead").asText()).hasSize(64);
        assertThat(ok("plan", "show", Long.toString(id)).out()).contains("Ticket: CHG0012345").contains("approved by bob")
                .contains("Risk: ");
        assertThat(okJson("plan", "list", "--state", "APPROVED", "--json")).hasSize(1);
        assertThat(ok("plan", "list").out()).contains("CHG0012345");
    }

    @Test
    void aRejectionNeedsACommentAndAnUnknownUserIsTurnedAwayWithWhatToDo() throws Exception {
        long id = draft();
        ok("--as", "alice", "plan", "submit", Long.toString(id));
        assertThat(cli.run("--as", "bob", "plan", "reject", Long.toString(id)).exitCode()).isEqualTo(ExitCodes.REFUSED);
        CliHarness.Result stranger = cli.run("--as", "mallory", "plan", "approve", Long.toString(id));
        assertThat(stranger.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(stranger.err()).contains("No user 'mallory'").contains("user add --name mallory");
        ok("--as", "bob", "plan", "reject", Long.toString(id), "--comment", "not before the freeze ends");
        assertThat(okJson("plan", "show", Long.toString(id), "--json").get("state").asText()).isEqualTo("rejected");
    }

    @Test
    void lockRulesAndPolicyFilesRoundTripAndOnlyAdminsChangeThem() throws Exception {
        assertThat(cli.run("--as", "alice", "policy", "lock", "--parameter", "fsync").exitCode()).isEqualTo(ExitCodes.REFUSED);
        ok("--as", "carol", "policy", "lock", "--parameter", "shared_buffers", "--scope", "tier:production", "--reason", "sized by capacity team");
        Path yaml = dir.resolve("policy.yaml");
        Files.writeString(yaml, """
                locks:
                  - {parameter: shared_buffers, scope: 'tier:production', reason: sized by capacity team}
                  - {parameter: fsync, scope: all}
                rules:
                  - name: production-locked
                    match: {tiers: [production], lockedOnly: true}
                    levels: [{role: senior-dba, quorum: 1}, {role: reviewer, quorum: 1}]
                    escalateAfter: 4h
                    escalateTo: admin
                    expireAfter: 3d
                fallback:
                  levels: [{role: reviewer, quorum: 1}]
                """);
        ok("--as", "carol", "policy", "rules", "import", "--file", yaml.toString());
        JsonNode policy = okJson("policy", "list", "--json");
        assertThat(policy.get("locks")).hasSize(2);
        assertThat(policy.get("rules").get(0).get("chain").asText()).isEqualTo("1 senior-dba, then 1 reviewer");

        Path out = dir.resolve("exported.yaml");
        ok("policy", "rules", "export", "--file", out.toString());
        assertThat(cli.run("policy", "rules", "export", "--file", out.toString()).exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        ok("--as", "carol", "policy", "rules", "import", "--file", out.toString());
        assertThat(okJson("policy", "list", "--json").get("rules")).isEqualTo(policy.get("rules"));

        long id = draft();
        JsonNode submitted = okJson("--as", "alice", "plan", "submit", Long.toString(id), "--json");
        assertThat(submitted.get("governance").get("rule").asText()).isEqualTo("production-locked");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "rules:\n  - name: x\n    levels: [{role: reviewer, quorum: 0}]\n");
        CliHarness.Result refused = cli.run("--as", "carol", "policy", "rules", "import", "--file", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(refused.err()).contains("bad.yaml, rule 1 (x)").contains("quorum");
        assertThat(okJson("policy", "list", "--json").get("rules")).isEqualTo(policy.get("rules"));
    }

    @Test
    void breakGlassOpensAReviewThatAnotherReviewerCloses() throws Exception {
        long id = draft();
        assertThat(ok("--as", "olga", "plan", "bypass", Long.toString(id), "--reason", "INC-7: sorts spilling, checkout down").out())
                .contains("approved by bypass").contains("close-review 1");
        assertThat(okJson("plan", "show", Long.toString(id), "--json").get("state").asText()).isEqualTo("bypassed");
        ok("--as", "rita", "plan", "close-review", "1", "--comment", "justified");
        assertThat(okJson("plan", "show", Long.toString(id), "--json").get("governance").get("reviews").get(0)
                .get("closedBy").asText()).isEqualTo("rita");
    }

    @Test
    void anAuditRecordEditedInTheStoreIsNamedAndVerifyExitsWithFive() throws Exception {
        long id = draft();
        ok("--as", "alice", "plan", "submit", Long.toString(id));
        ok("--as", "bob", "plan", "approve", Long.toString(id));
        long approved = okJson("audit", "verify", "--json").get("records").asLong(); // the newest: bob's approval
        cli.rawSql("UPDATE audit_record SET actor = 'mallory' WHERE seq = " + approved);
        CliHarness.Result broken = cli.run("audit", "verify");
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.AUDIT_BROKEN);
        assertThat(broken.out()).contains("BROKEN at record " + approved).contains("was edited");
        JsonNode json = this.json.readTree(cli.run("audit", "verify", "--json").out());
        assertThat(json.get("intact").asBoolean()).isFalse();
        assertThat(json.get("firstBroken").asLong()).isEqualTo(approved);
    }

    @Test
    void theAuditTrailVerifiesAndExportsAsCsvAndJson() throws Exception {
        long id = draft();
        ok("--as", "alice", "plan", "submit", Long.toString(id));
        ok("--as", "bob", "plan", "approve", Long.toString(id));
        JsonNode verified = okJson("audit", "verify", "--json");
        assertThat(verified.get("intact").asBoolean()).isTrue();
        long records = verified.get("records").asLong();
        assertThat(records).isGreaterThanOrEqualTo(7);

        Path csv = dir.resolve("audit.csv");
        Path js = dir.resolve("audit.json");
        ok("audit", "export", "--format", "csv", "--out", csv.toString());
        ok("audit", "export", "--format", "json", "--out", js.toString());
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize((int) records + 1);
        assertThat(lines.getFirst()).isEqualTo("seq,at,actor,action,subject,before,after,reason,previous_hash,hash");
        assertThat(json.readTree(js.toFile())).hasSize((int) records);
        assertThat(json.readTree(js.toFile()).get((int) records - 1).get("hash").asText()).isEqualTo(verified.get("head").asText());
        assertThat(cli.run("audit", "export", "--format", "xml", "--out", dir.resolve("a.xml").toString()).exitCode())
                .isEqualTo(ExitCodes.USER_ERROR);
    }
}
