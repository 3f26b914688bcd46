package io.knobwright.app.ui.operations;

import io.knobwright.app.override.OverrideRequest;
import io.knobwright.app.override.OverrideResult;
import io.knobwright.app.override.Restoration;
import io.knobwright.model.UserError;
import io.knobwright.model.override.EmergencyOverride;

import java.time.Duration;
import java.util.List;

/**
 * What the Operations screen and the quick override read and do, as the window's user. Every method may touch the
 * store or a server: call it off the FX thread. The app's implementation is {@link StoreOperationsDesk}.
 */
public interface OperationsDesk {

    OperationsState read();

    OverrideResult apply(OverrideRequest request);

    EmergencyOverride extend(long overrideId, Duration by, String reason);

    Restoration restoreNow(long overrideId, String reason);

    /** Drops the restoration; the override's value stays (and those stacked under it end too). */
    List<EmergencyOverride> cancel(long overrideId, String reason);

    /** Hears of changes this process made in the background (a restoration at a deadline), off the FX thread. */
    void onChange(Runnable listener);

    /** For windows built without overrides (tests of other screens): nothing to show, and every action says so. */
    static OperationsDesk none() {
        return new OperationsDesk() {
            private UserError unavailable() {
                return UserError.input("Emergency overrides are not available in this window.");
            }

            @Override
            public OperationsState read() {
                return OperationsState.EMPTY;
            }

            @Override
            public OverrideResult apply(OverrideRequest request) {
                throw unavailable();
            }

            @Override
            public EmergencyOverride extend(long overrideId, Duration by, String reason) {
                throw unavailable();
            }

            @Override
            public Restoration restoreNow(long overrideId, String reason) {
                throw unavailable();
            }

            @Override
            public List<EmergencyOverride> cancel(long overrideId, String reason) {
                throw unavailable();
            }

            @Override
            public void onChange(Runnable listener) {
            }
        };
    }
}
