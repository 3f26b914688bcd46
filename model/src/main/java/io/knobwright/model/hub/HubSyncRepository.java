package io.knobwright.model.hub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The local side of the hub: the link, the queue of requests, and decisions the hub refused. */
public interface HubSyncRepository {

    Optional<HubLink> link();

    /** Connects (or re-points) the store to a hub; the cursor starts at 0 so everything is pulled once. */
    void saveLink(HubLink link);

    void removeLink();

    /** After a sync: the cursor reached, and success (error null) or the failure and when to try again. */
    void syncResult(long cursor, Instant at, String error, int failures, Instant nextAttemptAt);

    /** Queues a request; queuing the same request uid again does nothing. */
    void queue(HubRequest request);

    /** Requests not answered yet, oldest first. */
    List<HubRequest> pending(int limit);

    int pendingCount();

    /** Records the hub's answer; {@code refusal} null when it accepted. */
    void answered(String requestUid, Instant at, String refusal);

    /** Requests the hub refused, newest first. */
    List<HubRequest> refused(int limit);

    /** Marks a local decision as refused by the hub: it no longer counts. */
    void refuseDecision(String decisionUid, String reason);
}
