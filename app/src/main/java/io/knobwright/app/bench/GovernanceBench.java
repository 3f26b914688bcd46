package io.knobwright.app.bench;

import io.knobwright.app.governance.GovernanceEvents;
import io.knobwright.app.governance.GovernanceNotifications;
import io.knobwright.app.governance.GovernanceService;
import io.knobwright.app.governance.PolicyService;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.PlanFacts;
import io.knobwright.model.policy.PlanRiskAssessor;
import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.PolicyFile;
import io.knobwright.model.policy.Role;
import io.knobwright.model.store.KnobwrightStore;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * What governance adds to a plan submission: evaluating the policy (locks touched, risk, first matching rule) and
 * the bookkeeping written with it in one unit of work (state, the submission with its copied chain, the audit
 * record sealed onto the chain, the webhook deliveries queued). Measured on a store in a temporary directory (a
 * real file, as a workstation has), with a policy of 20 locks, 10 ordered rules and a webhook, on plans of 5 to 15
 * changes for a generated fleet. Target: p99 under 10 ms (the requirement is 100 ms).
 */
public final class GovernanceBench {

    static final double SUBMIT_P99_TARGET_MS = 10;
    private static final int WARMUP = 300;

    public record Result(int plans, double evaluationP99Ms, double submitP50Ms, double submitP95Ms, double submitP99Ms,
                         double approveP99Ms) {
        public boolean meetsTargets() {
            return submitP99Ms < SUBMIT_P99_TARGET_MS;
        }
    }

    private GovernanceBench() {
    }

    public static Result run(int plans, PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("knobwright-governance-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf(Locale.ROOT, "Governance bench: %d submissions (+%d warm-up) and as many approvals, store in %s%n",
                plans, WARMUP, dir);
        out.println(Targets.machine());
        try (KnobwrightStore store = KnobwrightStore.open(dir)) {
            Clock clock = Clock.systemUTC();
            PolicyService policy = new PolicyService(store, clock);
            GovernanceService governance = new GovernanceService(store, clock,
                    new GovernanceNotifications(clock, () -> { throw new IllegalStateException("the bench sends nothing"); }));
            policy.addUser("bench", "carol", Set.of(Role.ADMIN));
            policy.addUser("carol", "alice", Set.of(Role.DBA));
            policy.addUser("carol", "bob", Set.of(Role.REVIEWER, new Role("senior-dba"), new Role("change-board")));
            Policy rules = PolicyFile.readYaml(POLICY, "bench policy");
            policy.replace("carol", rules, "bench");

            List<Instance> fleet = store.instances().saveAll(SampleFleet.generate(500, false, 7).stream().map(i -> i.withId(0)).toList());
            List<ChangePlan> drafts = store.plans().saveAll(drafts(fleet, plans + WARMUP, clock.instant()));

            double[] evaluation = evaluation(store, drafts, rules);
            double[] submit = new double[drafts.size()];
            List<Long> pending = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                long t = System.nanoTime();
                var review = governance.submit("alice", drafts.get(i).id(), "CHG" + i, "bench");
                submit[i] = (System.nanoTime() - t) / 1e6;
                if (review.plan().state() == PlanState.SUBMITTED) {
                    pending.add(review.plan().id());
                }
            }
            double[] approve = new double[pending.size()];
            for (int i = 0; i < pending.size(); i++) {
                long t = System.nanoTime();
                governance.approve("bob", pending.get(i), "");
                approve[i] = (System.nanoTime() - t) / 1e6;
            }
            Result r = new Result(plans, percentile(tail(evaluation), 99), percentile(tail(submit), 50),
                    percentile(tail(submit), 95), percentile(tail(submit), 99), percentile(tail(approve), 99));
            out.printf(Locale.ROOT, "  policy evaluation alone (locks, risk, rule):   p99 %.3f ms%n", r.evaluationP99Ms());
            out.printf(Locale.ROOT, "  submission with its bookkeeping:               p50 %.2f ms, p95 %.2f ms, p99 %.2f ms"
                    + "  (target p99 < %.0f ms: %s)%n", r.submitP50Ms(), r.submitP95Ms(), r.submitP99Ms(), SUBMIT_P99_TARGET_MS,
                    Targets.verdict(r.meetsTargets()));
            out.printf(Locale.ROOT, "  approval (sweep, checks, decision, audit):     p99 %.2f ms%n", r.approveP99Ms());
            out.printf(Locale.ROOT, "  audit chain after the run: %s%n", new io.knobwright.app.governance.AuditService(store.audit())
                    .verify().intact() ? "intact" : "BROKEN");
            return r;
        } finally {
            deleteQuietly(dir);
        }
    }

    private static double[] evaluation(KnobwrightStore store, List<ChangePlan> drafts, Policy rules) {
        PlanRiskAssessor risk = new PlanRiskAssessor();
        double[] times = new double[drafts.size()];
        var instances = store.instances().findByIds(drafts.stream().map(ChangePlan::instanceId).distinct().toList());
        for (int i = 0; i < drafts.size(); i++) {
            ChangePlan p = drafts.get(i);
            Instance instance = instances.get(p.instanceId());
            long t = System.nanoTime();
            var locks = rules.locksTouchedBy(p, instance);
            var assessed = risk.assess(p, instance, locks, List.of());
            rules.ruleFor(new PlanFacts(p, instance, locks, assessed));
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        return times;
    }

    private static List<ChangePlan> drafts(List<Instance> fleet, int count, Instant at) {
        Random rnd = new Random(11);
        String[] params = {"work_mem", "shared_buffers", "max_connections", "effective_cache_size", "random_page_cost",
                "checkpoint_timeout", "max_wal_size", "synchronous_commit", "fsync", "enable_seqscan", "jit",
                "maintenance_work_mem", "autovacuum_naptime", "wal_buffers", "default_statistics_target"};
        List<ChangePlan> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instance instance = fleet.get(rnd.nextInt(fleet.size()));
            int n = 5 + rnd.nextInt(11);
            List<PlannedChange> changes = new ArrayList<>();
            List<String> shuffled = new ArrayList<>(Arrays.asList(params));
            java.util.Collections.shuffle(shuffled, rnd);
            for (int c = 0; c < n; c++) {
                String p = shuffled.get(c);
                changes.add(new PlannedChange(p, Integer.toString(1 + rnd.nextInt(4096)), Integer.toString(1 + rnd.nextInt(65536)),
                        "kB", c % 4 == 0 ? ApplyMode.RESTART : ApplyMode.RELOAD, "bench v1", ""));
            }
            out.add(new ChangePlan(0, instance.id(), instance.name(), "bench", 1, at, "alice", PlanState.DRAFT, "live at " + at, changes));
        }
        return out;
    }

    private static double[] tail(double[] all) {
        return Arrays.copyOfRange(all, Math.min(WARMUP, all.length - 1), all.length);
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private static final String POLICY = """
            locks:
              - {parameter: fsync, scope: all, reason: never off}
              - {parameter: full_page_writes, scope: all}
              - {parameter: synchronous_commit, scope: 'tier:production'}
              - {parameter: shared_buffers, scope: 'tier:production'}
              - {parameter: max_connections, scope: 'tier:production'}
              - {parameter: 'enable_*', scope: 'tier:production'}
              - {parameter: wal_level, scope: all}
              - {parameter: max_wal_senders, scope: all}
              - {parameter: archive_mode, scope: all}
              - {parameter: archive_command, scope: all}
              - {parameter: innodb_flush_log_at_trx_commit, scope: 'engine:mysql'}
              - {parameter: sync_binlog, scope: 'engine:mysql'}
              - {parameter: innodb_buffer_pool_size, scope: 'tier:production'}
              - {parameter: work_mem, scope: 'tag:team=payments'}
              - {parameter: jit, scope: 'tag:team=analytics'}
              - {parameter: max_worker_processes, scope: all}
              - {parameter: 'autovacuum*', scope: 'tag:team=orders'}
              - {parameter: checkpoint_timeout, scope: 'tier:staging'}
              - {parameter: hot_standby, scope: all}
              - {parameter: ssl, scope: all}
            rules:
              - {name: prod-locked, match: {tiers: [production], lockedOnly: true}, levels: [{role: senior-dba}, {role: change-board, quorum: 1}], escalateAfter: 4h, escalateTo: admin, expireAfter: 3d}
              - {name: prod-critical, match: {tiers: [production], minRisk: critical}, levels: [{role: senior-dba}, {role: change-board}]}
              - {name: prod-restart, match: {tiers: [production], restartOnly: true}, levels: [{role: senior-dba}]}
              - {name: payments, match: {tags: {team: payments}}, levels: [{role: reviewer}]}
              - {name: high-criticality, match: {minCriticality: high}, levels: [{role: senior-dba}]}
              - {name: mysql, match: {engines: [mysql, mariadb]}, levels: [{role: reviewer}]}
              - {name: staging, match: {tiers: [staging]}, levels: [{role: reviewer}]}
              - {name: wal, match: {parameters: ['wal_*', max_wal_size]}, levels: [{role: reviewer}]}
              - {name: dev, match: {tiers: [development], minRisk: medium}, levels: [{role: reviewer}]}
              - {name: dev-free, match: {tiers: [development, test]}, levels: []}
            fallback:
              levels: [{role: reviewer, quorum: 1}]
            webhooks:
              - {url: 'http://127.0.0.1:9/knobwright', events: [request, decision]}
            """;
}
