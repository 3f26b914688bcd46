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
}
