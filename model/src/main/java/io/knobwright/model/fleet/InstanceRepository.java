package io.knobwright.model.fleet;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stored instances. Implementations are thread-safe; callers run them off the FX thread. */
public interface InstanceRepository {

    List<Instance> findAll();

    Optional<Instance> findById(long id);

    Optional<Instance> findByName(String name);

    /** The instances with these ids, by id, in a few queries however many there are; unknown ids are left out. */
    Map<Long, Instance> findByIds(Collection<Long> ids);

    /** Inserts (id 0) or updates; returns the stored instance with its id. Names are unique. */
    Instance save(Instance instance);

    /** Inserts all in one transaction: either every instance is stored or none. */
    List<Instance> saveAll(List<Instance> instances);

    boolean delete(long id);

    /** Removes the seeded demo fleet; returns how many instances were removed. */
    int deleteDemoInstances();

    int count();
}
