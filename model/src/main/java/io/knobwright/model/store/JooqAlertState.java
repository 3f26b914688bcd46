package io.knobwright.model.store;

import io.knobwright.model.health.AlertStateRepository;
import io.knobwright.model.health.MaintenanceWindow;
import io.knobwright.model.store.jooq.tables.records.MaintenanceWindowRecord;
import org.jooq.DSLContext;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.knobwright.model.store.jooq.Tables.ALERT_STATE;
import static io.knobwright.model.store.jooq.Tables.MAINTENANCE_WINDOW;

/** Maintenance windows and alert states in H2. */
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
        return dsl.selectFrom(ALERT_STATE).fetch().stream().collect(Collectors.toMap(r -> r.getAlertKey(),
                r -> new AlertState(r.getAlertKey(), r.getFirstSeen().toInstant(), r.getNotified(),
                        Optional.ofNullable(r.getAcknowledgedBy()))));
    }

    @Override
    public void replaceStates(Collection<AlertState> current) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            db.deleteFrom(ALERT_STATE).execute();
            for (AlertState s : current) {
                db.insertInto(ALERT_STATE).set(ALERT_STATE.ALERT_KEY, s.key())
                        .set(ALERT_STATE.FIRST_SEEN, StoreTimes.utc(s.firstSeen()))
                        .set(ALERT_STATE.NOTIFIED, s.notified())
                        .set(ALERT_STATE.ACKNOWLEDGED_BY, s.acknowledgedBy().orElse(null)).execute();
            }
        });
    }

    @Override
    public boolean acknowledge(String key, String by) {
        return dsl.update(ALERT_STATE).set(ALERT_STATE.ACKNOWLEDGED_BY, by).where(ALERT_STATE.ALERT_KEY.eq(key))
                .execute() > 0;
    }

    private static MaintenanceWindow window(MaintenanceWindowRecord r) {
        return new MaintenanceWindow(r.getId(), r.getScope(), r.getByTag(),
                r.getStartsAt() == null ? null : r.getStartsAt().toInstant(),
                r.getEndsAt() == null ? null : r.getEndsAt().toInstant(),
                r.getWeekly() == null ? null : MaintenanceWindow.Weekly.parse(r.getWeekly()),
                r.getReason(), r.getSetBy());
    }
}
