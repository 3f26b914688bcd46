package io.knobwright.model.template;

import java.util.Map;
import java.util.Optional;

/** Which template each instance follows. */
public interface TemplateAssignmentRepository {

    void assign(TemplateAssignment assignment);

    void unassign(long instanceId);

    Optional<TemplateAssignment> find(long instanceId);

    /** All assignments by instance id, in one query (the fleet table's drift column needs them all). */
    Map<Long, TemplateAssignment> findAll();
}
