package io.knobwright.model.store;

import io.knobwright.model.health.Alert;
import io.knobwright.model.health.AlertAcknowledgement;
import io.knobwright.model.health.AlertKind;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.AlertStateRepository;
import io.knobwright.model.health.MaintenanceWindow;
import io.knobwright.model.store.jooq.tables.records.AlertStateRecord;
import io.knobwright.model.store.jooq.tables.records.MaintenanceWindowRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.knobwright.model.store.jooq.Tables.ALERT_STATE;
import static io.knobwright.model.store.jooq.Tables.MAINTENANCE_WINDOW;

/** Maintenance windows and alert states in H2; each change of an alert's state is a compare-and-set on its row. */
final class JooqAlertState implements AlertStateRepository {

    private final DSLContext dsl;

    JooqAlertState(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<MaintenanceWindow> windows() {
        return dsl.selectFrom(MAINTENANCE_WINDOW).orderBy(MAINTENANCE_WINDOW.ID).fetch(JooqAlertState::window);
    }

    @Override
    public MaintenanceWindow addWindow(MaintenanceWindow w) {
        long id = dsl.insertInto(MAINTENANCE_WINDOW).set(MAINTENANCE_WINDOW.SCOPE, w.scope())
                .set(MAINTENANCE_WINDOW.BY_TAG, w.byTag())
                .set(MAINTENANCE_WINDOW.STARTS_AT, w.from() == null ? null : StoreTimes.utc(w.from()))
                .set(MAINTENANCE_WINDOW.ENDS_AT, w.to() == null ? null : StoreTimes.utc(w.to()))
                .set(MAINTENANCE_WINDOW.WEEKLY, w.weekly() == null ? null : w.weekly().toString())
                .set(MAINTENANCE_WINDOW.REASON, w.reason()).set(MAINTENANCE_WINDOW.SET_BY, w.setBy())
                .returning(MAINTENANCE_WINDOW.ID).fetchOne().getId();
        return new MaintenanceWindow(id, w.scope(), w.byTag(), w.from(), w.to(), w.weekly(), w.reason(), w.setBy());
    }

    @Override
    public boolean removeWindow(long id) {
        return dsl.deleteFrom(MAINTENANCE_WINDOW).where(MAINTENANCE_WINDOW.ID.eq(id)).execute() > 0;
    }

    @Override
    public Map<String, AlertState> states() {
        return dsl.selectFrom(ALERT_STATE).fetch().stream().collect(Collectors.toMap(AlertStateRecord::getAlertKey,
                JooqAlertState::state));
    }

    @Override
    public boolean remember(AlertState s) {
        if (dsl.fetchExists(ALERT_STATE, ALERT_STATE.ALERT_KEY.eq(s.key()))) {
            return false;
        }
        AlertStateRecord row = dsl.newRecord(ALERT_STATE);
        row.setAlertKey(s.key());
        row.setFirstSeen(StoreTimes.utc(s.firstSeen()));
        row.setNotified(s.notified());
        row.setAcknowledgedBy(s.acknowledgedBy().orElse(null));
        s.acknowledgement().ifPresent(a -> {
            row.setAcknowledgedAt(StoreTimes.utc(a.at()));
            row.setAcknowledgeComment(a.comment());
        });
        describe(row, s.last(), s.source());
        try {
            return row.insert() == 1;
        } catch (DataAccessException e) {
            if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw e;
            }
            // a second process saw the same new alert at the same moment; its row stands, this one adds nothing
            return false;
        }
    }

    @Override
    public boolean markNotified(String key) {
        return dsl.update(ALERT_STATE).set(ALERT_STATE.NOTIFIED, true)
                .where(ALERT_STATE.ALERT_KEY.eq(key), ALERT_STATE.NOTIFIED.isFalse()).execute() == 1;
    }

    @Override
    public void refresh(String key, Alert latest, String source) {
        dsl.update(ALERT_STATE)
                .set(ALERT_STATE.INSTANCE_NAME, latest.instanceName())
                .set(ALERT_STATE.SEVERITY, latest.severity().name())
                .set(ALERT_STATE.TITLE, latest.title())
                .set(ALERT_STATE.EVIDENCE, String.join("\n", latest.evidence()))
                .set(ALERT_STATE.SOURCE_NAME, source)
                .set(ALERT_STATE.FIRST_SEEN, DSL.least(ALERT_STATE.FIRST_SEEN, DSL.val(StoreTimes.utc(latest.since()))))
                .where(ALERT_STATE.ALERT_KEY.eq(key)).execute();
    }

    @Override
    public Optional<AlertState> forget(String key) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            AlertStateRecord row = db.selectFrom(ALERT_STATE).where(ALERT_STATE.ALERT_KEY.eq(key)).forUpdate().fetchOne();
            if (row == null) {
                return Optional.empty();
            }
            // the delete decides: of two processes that read the row, only the one that removes it announces the clear
            boolean removed = db.deleteFrom(ALERT_STATE).where(ALERT_STATE.ALERT_KEY.eq(key)).execute() == 1;
            return removed ? Optional.of(state(row)) : Optional.<AlertState>empty();
        });
    }

    @Override
    public boolean acknowledge(String key, AlertAcknowledgement a) {
        return dsl.update(ALERT_STATE).set(ALERT_STATE.ACKNOWLEDGED_BY, a.by())
                .set(ALERT_STATE.ACKNOWLEDGED_AT, StoreTimes.utc(a.at()))
                .set(ALERT_STATE.ACKNOWLEDGE_COMMENT, a.comment())
                .where(ALERT_STATE.ALERT_KEY.eq(key)).execute() > 0;
    }

    private static void describe(AlertStateRecord row, Alert last, String source) {
        row.setSourceName(source);
        if (last != null) {
            row.setInstanceName(last.instanceName());
            row.setSeverity(last.severity().name());
            row.setTitle(last.title());
            row.setEvidence(String.join("\n", last.evidence()));
        }
    }

    private static AlertState state(AlertStateRecord r) {
        Instant firstSeen = r.getFirstSeen().toInstant();
        Optional<AlertAcknowledgement> ack = Optional.ofNullable(r.getAcknowledgedBy()).map(by -> new AlertAcknowledgement(by,
                r.getAcknowledgedAt() == null ? firstSeen : r.getAcknowledgedAt().toInstant(), r.getAcknowledgeComment()));
        return new AlertState(r.getAlertKey(), firstSeen, r.getNotified(), ack, last(r, firstSeen), r.getSourceName());
    }

    /** The alert as last written; null for a row of schema 21 or a key this version does not know. */
    private static Alert last(AlertStateRecord r, Instant firstSeen) {
        if (r.getTitle() == null || r.getSeverity() == null || r.getInstanceName() == null) {
            return null;
        }
        String[] key = r.getAlertKey().split(":", 2);
        try {
            return new Alert(Long.parseLong(key[0]), r.getInstanceName(), AlertKind.valueOf(key[1]),
                    AlertSeverity.valueOf(r.getSeverity()), r.getTitle(),
                    r.getEvidence() == null || r.getEvidence().isEmpty() ? List.of() : List.of(r.getEvidence().split("\n", -1)),
                    firstSeen);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException unknown) {
            return null; // a kind a newer version wrote: the clear is not announced by this one
        }
    }

    private static MaintenanceWindow window(MaintenanceWindowRecord r) {
        return new MaintenanceWindow(r.getId(), r.getScope(), r.getByTag(),
                r.getStartsAt() == null ? null : r.getStartsAt().toInstant(),
                r.getEndsAt() == null ? null : r.getEndsAt().toInstant(),
                r.getWeekly() == null ? null : MaintenanceWindow.Weekly.parse(r.getWeekly()),
                r.getReason(), r.getSetBy());
    }
}
