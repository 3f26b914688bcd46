package io.knobwright.model.fleet;

import java.util.List;
import java.util.Optional;

/** Stored instances. Implementations are thread-safe; callers run them off the FX thread. */
public interface InstanceRepository {

    List<Instance> findAll();

    Optional<Instance> findById(long id);

    Optional<Instance> findByName(String name);

    /** Inserts (id 0) or updates; returns the stored instance with its id. Names are unique. */
    Instance save(Instance instance);

    /** Inserts all in one transaction: either every instance is stored or none. */
    List<Instance> saveAll(List<Instance> instances);

    boolean delete(long id);

    /** Removes the seeded demo fleet; returns how many instances were removed. */
    int deleteDemoInstances();

    int count();
}
