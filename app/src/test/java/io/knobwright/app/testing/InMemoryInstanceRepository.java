package io.knobwright.app.testing;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.InstanceRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A map-backed InstanceRepository for tests of logic; enforces unique names like the real store. */
public final class InMemoryInstanceRepository implements InstanceRepository {

    private final Map<Long, Instance> byId = new TreeMap<>();
    private long nextId = 1;

    @Override
    public synchronized List<Instance> findAll() {
        return List.copyOf(byId.values());
    }

    @Override
    public synchronized Optional<Instance> findById(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Instance> findByName(String name) {
        return byId.values().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    @Override
    public synchronized Instance save(Instance instance) {
        Optional<Instance> sameName = findByName(instance.name());
        if (sameName.isPresent() && sameName.get().id() != instance.id()) {
            throw new IllegalArgumentException("An instance named '" + instance.name() + "' already exists.");
        }
        Instance stored = instance.id() == 0 ? instance.withId(nextId++) : instance;
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized List<Instance> saveAll(List<Instance> instances) {
        List<Instance> stored = new ArrayList<>();
        instances.forEach(i -> stored.add(save(i)));
        return stored;
    }

    @Override
    public synchronized boolean delete(long id) {
        return byId.remove(id) != null;
    }

    @Override
    public synchronized int deleteDemoInstances() {
        List<Long> demo = byId.values().stream().filter(Instance::demo).map(Instance::id).toList();
        demo.forEach(byId::remove);
        return demo.size();
    }

    @Override
    public synchronized int count() {
        return byId.size();
    }
}
