package io.knobwright.model.plan;

import java.util.List;
import java.util.Optional;

/** Stored change plans: what governance, apply and PDF export work on. */
public interface PlanRepository {

    ChangePlan save(ChangePlan plan);

    /** Stores all plans in one transaction: all or none. */
    List<ChangePlan> saveAll(List<ChangePlan> plans);

    Optional<ChangePlan> find(long id);

    /** Newest first; changes included. */
    List<ChangePlan> findAll();

    List<ChangePlan> findByInstance(long instanceId);

    Optional<ChangePlan> findByUid(String uid);

    /** Newest first; changes included. */
    List<ChangePlan> findByState(PlanState state);

    /** Moves a plan to another state; governance decides whether it may (this only writes it). */
    void updateState(long id, PlanState state);

    void updateTicket(long id, String ticket);

    /** Replaces a plan's changes, all at once (an edit; governance sends the plan back to draft). */
    void replaceChanges(long id, List<PlannedChange> changes);
}
