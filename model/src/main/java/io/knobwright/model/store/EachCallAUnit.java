package io.knobwright.model.store;

import io.knobwright.model.apply.journal.ApplyJournal;
import io.knobwright.model.apply.journal.ApplyRun;
import io.knobwright.model.apply.journal.RunState;
import io.knobwright.model.apply.journal.StepPhase;
import io.knobwright.model.apply.restart.PendingRestart;
import io.knobwright.model.apply.restart.PendingRestartRepository;
import io.knobwright.model.approval.Decision;
import io.knobwright.model.approval.Delegation;
import io.knobwright.model.approval.GovernanceRepository;
import io.knobwright.model.approval.ReviewItem;
import io.knobwright.model.approval.Submission;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.audit.AuditHead;
import io.knobwright.model.audit.AuditRecord;
import io.knobwright.model.audit.AuditRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ServerCatalog;
import io.knobwright.model.catalog.ServerCatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.SnapshotRepository;
import io.knobwright.model.hub.HubLink;
import io.knobwright.model.hub.HubRequest;
import io.knobwright.model.hub.HubSyncRepository;
import io.knobwright.model.notify.WebhookDelivery;
import io.knobwright.model.notify.WebhookEvent;
import io.knobwright.model.notify.WebhookOutbox;
import io.knobwright.model.notify.WebhookSubscription;
import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.override.OverrideRepository;
import io.knobwright.model.override.OverrideState;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanRepository;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.PolicyVersion;
import io.knobwright.model.policy.User;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateAssignmentRepository;
import io.knobwright.model.template.TemplateRepository;
import io.knobwright.model.template.TemplateVersion;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The store's own repositories outside a transaction: each call is one unit of work ({@link StoreContention#unit}),
 * tried again when another process's coming or going interrupted it before it committed. Written out rather than
 * made with {@code java.lang.reflect.Proxy}: proxy classes are generated at every start, outside the AOT cache, and
 * eleven of them were a measurable part of each CLI command's start (decision 0118). A method added to a repository
 * interface gets its lines here, the same way (the compiler asks for them); EachCallAUnitTest checks that every
 * method runs as a unit. One idea, eleven times: hence the length.
 */
final class EachCallAUnit {

    private EachCallAUnit() {
    }

    /** One repository and the unit every call of it runs in. */
    abstract static class Delegate<R> {
        final R inner;
        private final StoreContention contention;

        Delegate(R inner, StoreContention contention) {
            this.inner = inner;
            this.contention = contention;
        }

        final <T> T unit(Supplier<T> call) {
            return contention.unit(call);
        }

        final void run(Runnable call) {
            contention.unit(() -> {
                call.run();
                return null;
            });
        }

        @Override
        public String toString() {
            return inner.toString();
        }
    }

    static final class Instances extends Delegate<InstanceRepository> implements InstanceRepository {
        Instances(InstanceRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public List<Instance> findAll() {
            return unit(() -> inner.findAll());
        }

        @Override
        public Optional<Instance> findById(long id) {
            return unit(() -> inner.findById(id));
        }

        @Override
        public Optional<Instance> findByName(String name) {
            return unit(() -> inner.findByName(name));
        }

        @Override
        public Map<Long, Instance> findByIds(Collection<Long> ids) {
            return unit(() -> inner.findByIds(ids));
        }

        @Override
        public Instance save(Instance instance) {
            return unit(() -> inner.save(instance));
        }

        @Override
        public List<Instance> saveAll(List<Instance> instances) {
            return unit(() -> inner.saveAll(instances));
        }

        @Override
        public boolean delete(long id) {
            return unit(() -> inner.delete(id));
        }

        @Override
        public int deleteDemoInstances() {
            return unit(() -> inner.deleteDemoInstances());
        }

        @Override
        public int count() {
            return unit(() -> inner.count());
        }
    }

    static final class Snapshots extends Delegate<SnapshotRepository> implements SnapshotRepository {
        Snapshots(SnapshotRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public SettingsSnapshot save(SettingsSnapshot snapshot) {
            return unit(() -> inner.save(snapshot));
        }

        @Override
        public Optional<SettingsSnapshot> latest(long instanceId) {
            return unit(() -> inner.latest(instanceId));
        }

        @Override
        public Map<Long, SettingsSnapshot> latestOf(Collection<Long> instanceIds, Collection<String> names) {
            return unit(() -> inner.latestOf(instanceIds, names));
        }
    }

    static final class Templates extends Delegate<TemplateRepository> implements TemplateRepository {
        Templates(TemplateRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public List<TemplateVersion> latestVersions() {
            return unit(() -> inner.latestVersions());
        }

        @Override
        public Optional<TemplateVersion> latest(String name) {
            return unit(() -> inner.latest(name));
        }

        @Override
        public Optional<TemplateVersion> version(String name, int version) {
            return unit(() -> inner.version(name, version));
        }

        @Override
        public List<TemplateVersion> history(String name) {
            return unit(() -> inner.history(name));
        }

        @Override
        public TemplateVersion save(Template template, String author, String comment) {
            return unit(() -> inner.save(template, author, comment));
        }
    }

    static final class TemplateAssignments extends Delegate<TemplateAssignmentRepository> implements TemplateAssignmentRepository {
        TemplateAssignments(TemplateAssignmentRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public void assign(TemplateAssignment assignment) {
            run(() -> inner.assign(assignment));
        }

        @Override
        public void unassign(long instanceId) {
            run(() -> inner.unassign(instanceId));
        }

        @Override
        public Optional<TemplateAssignment> find(long instanceId) {
            return unit(() -> inner.find(instanceId));
        }

        @Override
        public Map<Long, TemplateAssignment> findAll() {
            return unit(() -> inner.findAll());
        }
    }

    static final class Plans extends Delegate<PlanRepository> implements PlanRepository {
        Plans(PlanRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public ChangePlan save(ChangePlan plan) {
            return unit(() -> inner.save(plan));
        }

        @Override
        public List<ChangePlan> saveAll(List<ChangePlan> plans) {
            return unit(() -> inner.saveAll(plans));
        }

        @Override
        public Optional<ChangePlan> find(long id) {
            return unit(() -> inner.find(id));
        }

        @Override
        public List<ChangePlan> findAll() {
            return unit(() -> inner.findAll());
        }

        @Override
        public List<ChangePlan> findByInstance(long instanceId) {
            return unit(() -> inner.findByInstance(instanceId));
        }

        @Override
        public Optional<ChangePlan> findByUid(String uid) {
            return unit(() -> inner.findByUid(uid));
        }

        @Override
        public List<ChangePlan> findByState(PlanState state) {
            return unit(() -> inner.findByState(state));
        }

        @Override
        public void updateState(long id, PlanState state) {
            run(() -> inner.updateState(id, state));
        }

        @Override
        public void updateTicket(long id, String ticket) {
            run(() -> inner.updateTicket(id, ticket));
        }

        @Override
        public void replaceChanges(long id, List<PlannedChange> changes) {
            run(() -> inner.replaceChanges(id, changes));
        }
    }

    static final class ServerCatalogs extends Delegate<ServerCatalogRepository> implements ServerCatalogRepository {
        ServerCatalogs(ServerCatalogRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public void record(long instanceId, ParameterCatalog catalog, Instant readAt) {
            run(() -> inner.record(instanceId, catalog, readAt));
        }

        @Override
        public Optional<ServerCatalog> latest(long instanceId) {
            return unit(() -> inner.latest(instanceId));
        }

        @Override
        public Map<Long, ServerCatalog> latestOf(Collection<Long> instanceIds) {
            return unit(() -> inner.latestOf(instanceIds));
        }

        @Override
        public List<ParameterCatalog> inUse() {
            return unit(() -> inner.inUse());
        }
    }

    static final class Governance extends Delegate<GovernanceRepository> implements GovernanceRepository {
        Governance(GovernanceRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public List<User> users() {
            return unit(() -> inner.users());
        }

        @Override
        public Optional<User> user(String name) {
            return unit(() -> inner.user(name));
        }

        @Override
        public void saveUser(User user, String by, Instant at) {
            run(() -> inner.saveUser(user, by, at));
        }

        @Override
        public PolicyVersion policy() {
            return unit(() -> inner.policy());
        }

        @Override
        public PolicyVersion savePolicy(Policy policy, String by, Instant at, String comment) {
            return unit(() -> inner.savePolicy(policy, by, at, comment));
        }

        @Override
        public void saveSubmission(Submission submission) {
            run(() -> inner.saveSubmission(submission));
        }

        @Override
        public Optional<Submission> latestSubmission(long planId) {
            return unit(() -> inner.latestSubmission(planId));
        }

        @Override
        public Map<Long, Submission> latestSubmissions(Collection<Long> planIds) {
            return unit(() -> inner.latestSubmissions(planIds));
        }

        @Override
        public void nextCheck(long planId, int round, Instant at) {
            run(() -> inner.nextCheck(planId, round, at));
        }

        @Override
        public List<Long> dueForCheck(Instant now) {
            return unit(() -> inner.dueForCheck(now));
        }

        @Override
        public void saveDecision(long planId, Decision decision) {
            run(() -> inner.saveDecision(planId, decision));
        }

        @Override
        public boolean hasDecision(String uid) {
            return unit(() -> inner.hasDecision(uid));
        }

        @Override
        public List<Decision> decisions(long planId, int round) {
            return unit(() -> inner.decisions(planId, round));
        }

        @Override
        public Map<Long, List<Decision>> decisions(Map<Long, Integer> roundByPlan) {
            return unit(() -> inner.decisions(roundByPlan));
        }

        @Override
        public boolean markEscalated(long planId, int round, int level, Instant at) {
            return unit(() -> inner.markEscalated(planId, round, level, at));
        }

        @Override
        public Delegation saveDelegation(Delegation delegation) {
            return unit(() -> inner.saveDelegation(delegation));
        }

        @Override
        public List<Delegation> delegations(Instant now) {
            return unit(() -> inner.delegations(now));
        }

        @Override
        public ReviewItem openReview(ReviewItem item) {
            return unit(() -> inner.openReview(item));
        }

        @Override
        public ReviewItem closeReview(long id, String by, Instant at, String comment) {
            return unit(() -> inner.closeReview(id, by, at, comment));
        }

        @Override
        public Optional<ReviewItem> review(long id) {
            return unit(() -> inner.review(id));
        }

        @Override
        public List<ReviewItem> reviewsOf(long planId) {
            return unit(() -> inner.reviewsOf(planId));
        }

        @Override
        public List<ReviewItem> reviews(boolean openOnly) {
            return unit(() -> inner.reviews(openOnly));
        }
    }

    static final class Audit extends Delegate<AuditRepository> implements AuditRepository {
        Audit(AuditRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public AuditRecord append(AuditEntry entry, Instant at) {
            return unit(() -> inner.append(entry, at));
        }

        @Override
        public void forEach(Predicate<AuditRecord> consumer) {
            run(() -> inner.forEach(consumer));
        }

        @Override
        public AuditHead head() {
            return unit(() -> inner.head());
        }

        @Override
        public List<AuditRecord> about(String subject) {
            return unit(() -> inner.about(subject));
        }

        @Override
        public List<AuditRecord> newest(int limit) {
            return unit(() -> inner.newest(limit));
        }

        @Override
        public Optional<AuditRecord> find(long seq) {
            return unit(() -> inner.find(seq));
        }
    }

    static final class Webhooks extends Delegate<WebhookOutbox> implements WebhookOutbox {
        Webhooks(WebhookOutbox inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public List<WebhookDelivery> enqueue(WebhookEvent event, Collection<WebhookSubscription> subscriptions) {
            return unit(() -> inner.enqueue(event, subscriptions));
        }

        @Override
        public List<WebhookDelivery> due(Instant now, int limit) {
            return unit(() -> inner.due(now, limit));
        }

        @Override
        public List<WebhookDelivery> claim(Instant now, int limit, Duration lease) {
            return unit(() -> inner.claim(now, limit, lease));
        }

        @Override
        public void markDelivered(long id, Instant at, int status) {
            run(() -> inner.markDelivered(id, at, status));
        }

        @Override
        public void markFailed(long id, Instant at, int status, String error, Instant nextAttempt) {
            run(() -> inner.markFailed(id, at, status, error, nextAttempt));
        }

        @Override
        public List<WebhookDelivery> recent(int limit) {
            return unit(() -> inner.recent(limit));
        }

        @Override
        public List<WebhookDelivery> failing(int limit) {
            return unit(() -> inner.failing(limit));
        }
    }

    static final class Hub extends Delegate<HubSyncRepository> implements HubSyncRepository {
        Hub(HubSyncRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public Optional<HubLink> link() {
            return unit(() -> inner.link());
        }

        @Override
        public void saveLink(HubLink link) {
            run(() -> inner.saveLink(link));
        }

        @Override
        public void removeLink() {
            run(() -> inner.removeLink());
        }

        @Override
        public void syncResult(long cursor, Instant at, String error, int failures, Instant nextAttemptAt) {
            run(() -> inner.syncResult(cursor, at, error, failures, nextAttemptAt));
        }

        @Override
        public void queue(HubRequest request) {
            run(() -> inner.queue(request));
        }

        @Override
        public List<HubRequest> pending(int limit) {
            return unit(() -> inner.pending(limit));
        }

        @Override
        public int pendingCount() {
            return unit(() -> inner.pendingCount());
        }

        @Override
        public void answered(String requestUid, Instant at, String refusal) {
            run(() -> inner.answered(requestUid, at, refusal));
        }

        @Override
        public List<HubRequest> refused(int limit) {
            return unit(() -> inner.refused(limit));
        }

        @Override
        public void refuseDecision(String decisionUid, String reason) {
            run(() -> inner.refuseDecision(decisionUid, reason));
        }
    }

    static final class ApplyJournals extends Delegate<ApplyJournal> implements ApplyJournal {
        ApplyJournals(ApplyJournal inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public ApplyRun start(ApplyRun run) {
            return unit(() -> inner.start(run));
        }

        @Override
        public ApplyRun start(ApplyRun run, String owner) {
            return unit(() -> inner.start(run, owner));
        }

        @Override
        public void release(long runId, String message) {
            run(() -> inner.release(runId, message));
        }

        @Override
        public Optional<String> owner(long runId) {
            return unit(() -> inner.owner(runId));
        }

        @Override
        public boolean claim(long runId, String expected, String owner) {
            return unit(() -> inner.claim(runId, expected, owner));
        }

        @Override
        public void step(long runId, int ordinal, StepPhase phase, String error) {
            run(() -> inner.step(runId, ordinal, phase, error));
        }

        @Override
        public void finish(long runId, RunState state, Instant at, String message) {
            run(() -> inner.finish(runId, state, at, message));
        }

        @Override
        public Optional<ApplyRun> find(long runId) {
            return unit(() -> inner.find(runId));
        }

        @Override
        public List<ApplyRun> unfinished() {
            return unit(() -> inner.unfinished());
        }

        @Override
        public List<ApplyRun> ofPlan(long planId) {
            return unit(() -> inner.ofPlan(planId));
        }
    }

    static final class Overrides extends Delegate<OverrideRepository> implements OverrideRepository {
        Overrides(OverrideRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public EmergencyOverride insert(EmergencyOverride override) {
            return unit(() -> inner.insert(override));
        }

        @Override
        public Optional<EmergencyOverride> find(long id) {
            return unit(() -> inner.find(id));
        }

        @Override
        public List<EmergencyOverride> stackedOn(long id) {
            return unit(() -> inner.stackedOn(id));
        }

        @Override
        public List<EmergencyOverride> liveOn(long instanceId, String parameter) {
            return unit(() -> inner.liveOn(instanceId, parameter));
        }

        @Override
        public List<EmergencyOverride> live() {
            return unit(() -> inner.live());
        }

        @Override
        public List<EmergencyOverride> recent(int limit) {
            return unit(() -> inner.recent(limit));
        }

        @Override
        public List<EmergencyOverride> due(Instant now, Instant staleBefore) {
            return unit(() -> inner.due(now, staleBefore));
        }

        @Override
        public List<EmergencyOverride> pendingSince(Instant before) {
            return unit(() -> inner.pendingSince(before));
        }

        @Override
        public boolean transition(long id, OverrideState from, OverrideState to, Instant at) {
            return unit(() -> inner.transition(id, from, to, at));
        }

        @Override
        public void end(long id, OverrideState state, Instant at, String by, String note) {
            run(() -> inner.end(id, state, at, by, note));
        }

        @Override
        public void failedAttempt(long id, int attempts, Instant nextAttemptAt, String error) {
            run(() -> inner.failedAttempt(id, attempts, nextAttemptAt, error));
        }

        @Override
        public void reschedule(long id, Instant deadline) {
            run(() -> inner.reschedule(id, deadline));
        }

        @Override
        public void onDisk() {
            run(inner::onDisk);
        }

        @Override
        public void inFile() {
            run(inner::inFile);
        }

        @Override
        public boolean acquireLease(String holder, Instant now, Duration lease) {
            return unit(() -> inner.acquireLease(holder, now, lease));
        }

        @Override
        public Optional<String> leaseHolder(Instant now, Duration lease) {
            return unit(() -> inner.leaseHolder(now, lease));
        }

        @Override
        public void releaseLease(String holder) {
            run(() -> inner.releaseLease(holder));
        }
    }

    static final class PendingRestarts extends Delegate<PendingRestartRepository> implements PendingRestartRepository {
        PendingRestarts(PendingRestartRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public void put(PendingRestart pending) {
            run(() -> inner.put(pending));
        }

        @Override
        public List<PendingRestart> all() {
            return unit(() -> inner.all());
        }

        @Override
        public List<PendingRestart> ofInstance(long instanceId) {
            return unit(() -> inner.ofInstance(instanceId));
        }

        @Override
        public void clear(long instanceId, String parameter) {
            run(() -> inner.clear(instanceId, parameter));
        }
    }

    static final class Queries extends Delegate<io.knobwright.model.workload.QueryRepository>
            implements io.knobwright.model.workload.QueryRepository {
        Queries(io.knobwright.model.workload.QueryRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public List<io.knobwright.model.workload.FingerprintState> states(long instanceId) {
            return unit(() -> inner.states(instanceId));
        }

        @Override
        public io.knobwright.model.workload.LogImportRecord recordImport(
                List<io.knobwright.model.workload.FingerprintState> states, io.knobwright.model.workload.LogImportRecord imported,
                List<io.knobwright.model.workload.BurstDetector.Burst> bursts) {
            return unit(() -> inner.recordImport(states, imported, bursts));
        }

        @Override
        public Optional<io.knobwright.model.workload.LogImportRecord> importOf(long instanceId, String contentKey) {
            return unit(() -> inner.importOf(instanceId, contentKey));
        }

        @Override
        public List<io.knobwright.model.workload.LogImportRecord> imports(long instanceId) {
            return unit(() -> inner.imports(instanceId));
        }

        @Override
        public List<io.knobwright.model.workload.FingerprintSummary> top(long instanceId,
                                                                         io.knobwright.model.workload.TopOrder order, int limit) {
            return unit(() -> inner.top(instanceId, order, limit));
        }

        @Override
        public List<io.knobwright.model.workload.BurstDetector.Burst> bursts(long instanceId, int limit) {
            return unit(() -> inner.bursts(instanceId, limit));
        }

        @Override
        public void savePlan(io.knobwright.model.workload.CapturedPlan plan) {
            run(() -> inner.savePlan(plan));
        }

        @Override
        public List<io.knobwright.model.workload.CapturedPlan> plans(long instanceId, java.time.Instant since) {
            return unit(() -> inner.plans(instanceId, since));
        }
    }

    static final class WorkloadSeries extends Delegate<io.knobwright.model.workload.WorkloadSeriesRepository>
            implements io.knobwright.model.workload.WorkloadSeriesRepository {
        WorkloadSeries(io.knobwright.model.workload.WorkloadSeriesRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public List<io.knobwright.model.workload.MetricPoint> points(long instanceId, io.knobwright.model.workload.Metric metric,
                                                                     java.time.Instant from, java.time.Instant to) {
            return unit(() -> inner.points(instanceId, metric, from, to));
        }

        @Override
        public Map<io.knobwright.model.workload.Metric, List<io.knobwright.model.workload.MetricPoint>> points(
                long instanceId, java.util.Set<io.knobwright.model.workload.Metric> metrics, java.time.Instant from,
                java.time.Instant to) {
            return unit(() -> inner.points(instanceId, metrics, from, to));
        }

        @Override
        public java.util.Optional<io.knobwright.model.workload.CounterPoll> baseline(long instanceId) {
            return unit(() -> inner.baseline(instanceId));
        }

        @Override
        public void record(long instanceId, io.knobwright.model.workload.CounterPoll raw, io.knobwright.model.workload.PolledPoints points) {
            run(() -> inner.record(instanceId, raw, points));
        }

        @Override
        public List<io.knobwright.model.workload.StatementCounters> statements(long instanceId, java.time.Instant from, java.time.Instant to) {
            return unit(() -> inner.statements(instanceId, from, to));
        }

        @Override
        public io.knobwright.model.workload.SeriesMaintenance maintain(io.knobwright.model.workload.SeriesRetention retention,
                                                                       java.time.Instant now) {
            return unit(() -> inner.maintain(retention, now));
        }

        @Override
        public void forget(long instanceId) {
            run(() -> inner.forget(instanceId));
        }

        @Override
        public int importPoints(long instanceId, io.knobwright.model.workload.Metric metric,
                                List<io.knobwright.model.workload.MetricPoint> points) {
            return unit(() -> inner.importPoints(instanceId, metric, points));
        }

        @Override
        public int appendPolls(long instanceId, List<io.knobwright.model.workload.PolledPoints> polls) {
            return unit(() -> inner.appendPolls(instanceId, polls));
        }
    }

    static final class QueryHistory extends Delegate<io.knobwright.model.workload.QueryHistoryRepository>
            implements io.knobwright.model.workload.QueryHistoryRepository {
        QueryHistory(io.knobwright.model.workload.QueryHistoryRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public void add(long instanceId, List<io.knobwright.model.workload.QueryDay> days,
                        java.util.Map<Long, String> texts) {
            run(() -> inner.add(instanceId, days, texts));
        }

        @Override
        public void replaceDay(long instanceId, io.knobwright.model.workload.QueryDay.Source source,
                               java.time.LocalDate day, List<io.knobwright.model.workload.QueryDay> days,
                               java.util.Map<Long, String> texts) {
            run(() -> inner.replaceDay(instanceId, source, day, days, texts));
        }

        @Override
        public List<io.knobwright.model.workload.QueryDay> days(long instanceId, java.time.LocalDate from) {
            return unit(() -> inner.days(instanceId, from));
        }

        @Override
        public java.util.Map<Long, String> texts(long instanceId, java.util.Collection<Long> fingerprints) {
            return unit(() -> inner.texts(instanceId, fingerprints));
        }

        @Override
        public int prune(java.time.LocalDate before) {
            return unit(() -> inner.prune(before));
        }
    }

    static final class RelationSeries extends Delegate<io.knobwright.model.workload.RelationSeriesRepository>
            implements io.knobwright.model.workload.RelationSeriesRepository {
        RelationSeries(io.knobwright.model.workload.RelationSeriesRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public void record(long instanceId, io.knobwright.model.workload.RelationSnapshot snapshot) {
            run(() -> inner.record(instanceId, snapshot));
        }

        @Override
        public Optional<io.knobwright.model.workload.RelationSnapshot> latest(long instanceId) {
            return unit(() -> inner.latest(instanceId));
        }

        @Override
        public Optional<io.knobwright.model.workload.RelationActivity> activity(long instanceId) {
            return unit(() -> inner.activity(instanceId));
        }

        @Override
        public List<io.knobwright.model.workload.SizePoint> instanceSizes(long instanceId, Instant from, Instant to) {
            return unit(() -> inner.instanceSizes(instanceId, from, to));
        }

        @Override
        public Map<String, List<io.knobwright.model.workload.SizePoint>> databaseSizes(long instanceId, Instant from, Instant to) {
            return unit(() -> inner.databaseSizes(instanceId, from, to));
        }

        @Override
        public Map<io.knobwright.model.workload.TableRef, List<io.knobwright.model.workload.SizePoint>> tableSizes(
                long instanceId, Instant from, Instant to) {
            return unit(() -> inner.tableSizes(instanceId, from, to));
        }

        @Override
        public List<io.knobwright.model.workload.SizePoint> tableSizes(long instanceId, io.knobwright.model.workload.TableRef table,
                                                                       Instant from, Instant to) {
            return unit(() -> inner.tableSizes(instanceId, table, from, to));
        }

        @Override
        public Map<io.knobwright.model.workload.IndexRef, List<io.knobwright.model.workload.SizePoint>> indexSizes(
                long instanceId, Instant from, Instant to) {
            return unit(() -> inner.indexSizes(instanceId, from, to));
        }

        @Override
        public void forget(long instanceId) {
            run(() -> inner.forget(instanceId));
        }
    }

    static final class ConnectionUse extends Delegate<io.knobwright.model.health.ConnectionUseRepository>
            implements io.knobwright.model.health.ConnectionUseRepository {
        ConnectionUse(io.knobwright.model.health.ConnectionUseRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public void record(long instanceId, io.knobwright.model.health.ConnectionSnapshot snapshot) {
            run(() -> inner.record(instanceId, snapshot));
        }

        @Override
        public List<io.knobwright.model.health.ConnectionUse> use(long instanceId, java.time.Instant from, java.time.Instant to) {
            return unit(() -> inner.use(instanceId, from, to));
        }

        @Override
        public Map<Long, io.knobwright.model.health.ConnectionUse> newest(java.time.Instant since) {
            return unit(() -> inner.newest(since));
        }

        @Override
        public void forget(long instanceId) {
            run(() -> inner.forget(instanceId));
        }
    }

    static final class SizeSeries extends Delegate<io.knobwright.model.forecast.SizeSeriesRepository>
            implements io.knobwright.model.forecast.SizeSeriesRepository {
        SizeSeries(io.knobwright.model.forecast.SizeSeriesRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public int replace(long instanceId, String name, io.knobwright.model.forecast.SizeSeries series) {
            return unit(() -> inner.replace(instanceId, name, series));
        }

        @Override
        public io.knobwright.model.forecast.SizeSeries series(long instanceId, String name) {
            return unit(() -> inner.series(instanceId, name));
        }

        @Override
        public List<String> names(long instanceId) {
            return unit(() -> inner.names(instanceId));
        }
    }

    static final class AlertStates extends Delegate<io.knobwright.model.health.AlertStateRepository>
            implements io.knobwright.model.health.AlertStateRepository {
        AlertStates(io.knobwright.model.health.AlertStateRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public java.util.List<io.knobwright.model.health.MaintenanceWindow> windows() {
            return unit(inner::windows);
        }

        @Override
        public io.knobwright.model.health.MaintenanceWindow addWindow(io.knobwright.model.health.MaintenanceWindow w) {
            return unit(() -> inner.addWindow(w));
        }

        @Override
        public boolean removeWindow(long id) {
            return unit(() -> inner.removeWindow(id));
        }

        @Override
        public java.util.Map<String, AlertState> states() {
            return unit(inner::states);
        }

        @Override
        public boolean remember(AlertState state) {
            return unit(() -> inner.remember(state));
        }

        @Override
        public boolean markNotified(String key) {
            return unit(() -> inner.markNotified(key));
        }

        @Override
        public void refresh(String key, io.knobwright.model.health.Alert latest, String source) {
            run(() -> inner.refresh(key, latest, source));
        }

        @Override
        public Optional<AlertState> forget(String key) {
            return unit(() -> inner.forget(key));
        }

        @Override
        public boolean acknowledge(String key, io.knobwright.model.health.AlertAcknowledgement acknowledgement) {
            return unit(() -> inner.acknowledge(key, acknowledgement));
        }
    }

    static final class Backups extends Delegate<io.knobwright.model.backup.BackupRepository>
            implements io.knobwright.model.backup.BackupRepository {
        Backups(io.knobwright.model.backup.BackupRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public long record(long instanceId, io.knobwright.model.backup.BackupVerification verification) {
            return unit(() -> inner.record(instanceId, verification));
        }

        @Override
        public List<io.knobwright.model.backup.BackupRecord> history(long instanceId) {
            return unit(() -> inner.history(instanceId));
        }

        @Override
        public Optional<io.knobwright.model.backup.BackupRecord> latestOf(String path) {
            return unit(() -> inner.latestOf(path));
        }

        @Override
        public void watch(io.knobwright.model.backup.BackupWatch watch) {
            run(() -> inner.watch(watch));
        }

        @Override
        public List<io.knobwright.model.backup.BackupWatch> watches() {
            return unit(inner::watches);
        }

        @Override
        public boolean unwatch(long instanceId, String path) {
            return unit(() -> inner.unwatch(instanceId, path));
        }

        @Override
        public List<io.knobwright.model.backup.LastGoodBackup> lastGoodBackups(java.time.Instant notAfter) {
            return unit(() -> inner.lastGoodBackups(notAfter));
        }
    }

    static final class PrometheusMappings extends Delegate<io.knobwright.model.workload.PrometheusMappingRepository>
            implements io.knobwright.model.workload.PrometheusMappingRepository {
        PrometheusMappings(io.knobwright.model.workload.PrometheusMappingRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public io.knobwright.model.workload.PrometheusMapping add(io.knobwright.model.workload.PrometheusMapping mapping) {
            return unit(() -> inner.add(mapping));
        }

        @Override
        public List<io.knobwright.model.workload.PrometheusMapping> mappings() {
            return unit(inner::mappings);
        }

        @Override
        public Optional<io.knobwright.model.workload.PrometheusMapping> mapping(long id) {
            return unit(() -> inner.mapping(id));
        }

        @Override
        public boolean remove(long id) {
            return unit(() -> inner.remove(id));
        }

        @Override
        public void imported(long id, Instant until) {
            run(() -> inner.imported(id, until));
        }
    }

    static final class ConnectionEvents extends Delegate<io.knobwright.model.health.ConnectionEventRepository>
            implements io.knobwright.model.health.ConnectionEventRepository {
        ConnectionEvents(io.knobwright.model.health.ConnectionEventRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public void store(long instanceId, Collection<io.knobwright.model.health.ConnectionEventCount> counts) {
            run(() -> inner.store(instanceId, counts));
        }

        @Override
        public List<io.knobwright.model.health.ConnectionEventCount> counts(long instanceId, Instant from, Instant to) {
            return unit(() -> inner.counts(instanceId, from, to));
        }

        @Override
        public void forget(long instanceId) {
            run(() -> inner.forget(instanceId));
        }
    }

    static final class Observations extends Delegate<io.knobwright.model.simulation.ObservationRepository>
            implements io.knobwright.model.simulation.ObservationRepository {
        Observations(io.knobwright.model.simulation.ObservationRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public io.knobwright.model.simulation.Observation add(io.knobwright.model.simulation.Observation observation) {
            return unit(() -> inner.add(observation));
        }

        @Override
        public List<io.knobwright.model.simulation.Observation> ofWorkload(String workloadKey) {
            return unit(() -> inner.ofWorkload(workloadKey));
        }

        @Override
        public List<io.knobwright.model.simulation.Observation> ofInstance(long instanceId) {
            return unit(() -> inner.ofInstance(instanceId));
        }

        @Override
        public List<io.knobwright.model.simulation.Observation> ofHardwareClass(String hardwareClass, int limit) {
            return unit(() -> inner.ofHardwareClass(hardwareClass, limit));
        }
    }

    static final class PlanSimulations extends Delegate<io.knobwright.model.simulation.PlanSimulationRepository>
            implements io.knobwright.model.simulation.PlanSimulationRepository {
        PlanSimulations(io.knobwright.model.simulation.PlanSimulationRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public io.knobwright.model.simulation.PlanSimulation attach(io.knobwright.model.simulation.PlanSimulation simulation) {
            return unit(() -> inner.attach(simulation));
        }

        @Override
        public Optional<io.knobwright.model.simulation.PlanSimulation> latest(long planId) {
            return unit(() -> inner.latest(planId));
        }

        @Override
        public List<io.knobwright.model.simulation.PlanSimulation> ofPlan(long planId) {
            return unit(() -> inner.ofPlan(planId));
        }
    }

    static final class ApplyOutcomes extends Delegate<io.knobwright.model.simulation.ApplyOutcomeRepository>
            implements io.knobwright.model.simulation.ApplyOutcomeRepository {
        ApplyOutcomes(io.knobwright.model.simulation.ApplyOutcomeRepository inner, StoreContention contention) {
            super(inner, contention);
        }

        @Override
        public io.knobwright.model.simulation.ApplyOutcome record(io.knobwright.model.simulation.ApplyOutcome outcome) {
            return unit(() -> inner.record(outcome));
        }

        @Override
        public void measured(long id, io.knobwright.model.simulation.ApplyOutcome.Measured measured) {
            run(() -> inner.measured(id, measured));
        }

        @Override
        public java.util.Optional<io.knobwright.model.simulation.ApplyOutcome> find(long id) {
            return unit(() -> inner.find(id));
        }

        @Override
        public List<io.knobwright.model.simulation.ApplyOutcome> ofPlan(long planId) {
            return unit(() -> inner.ofPlan(planId));
        }

        @Override
        public List<io.knobwright.model.simulation.ApplyOutcome> ofInstance(long instanceId) {
            return unit(() -> inner.ofInstance(instanceId));
        }

        @Override
        public List<io.knobwright.model.simulation.ApplyOutcome> unmeasured(int limit) {
            return unit(() -> inner.unmeasured(limit));
        }

        @Override
        public List<io.knobwright.model.simulation.ApplyOutcome> withVerdict(
                io.knobwright.model.simulation.ApplyOutcome.Verdict verdict, java.time.Instant since) {
            return unit(() -> inner.withVerdict(verdict, since));
        }
    }
}
