package io.knobwright.model.apply.restart;

import java.util.List;

/** Parameters waiting for their server's restart, one per instance and parameter. */
public interface PendingRestartRepository {

    /** Records a parameter as waiting; one already waiting on that instance is replaced (the newest run sets the value). */
    void put(PendingRestart pending);

    /** Everything waiting, by instance name and parameter. */
    List<PendingRestart> all();

    List<PendingRestart> ofInstance(long instanceId);

    /** The server runs with the value now (or the instance is gone): no longer waiting. */
    void clear(long instanceId, String parameter);
}
