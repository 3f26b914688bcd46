package io.knobwright.app.plan;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.testing.FakeConnector;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning a template for many instances: a user error on one instance is that instance's failure, not the batch's. */
class PlanBatchFailuresTest {

    private final Map<String, String> env = new HashMap<>();
    private final KnobwrightStore store = KnobwrightStore.inMemory("batch-" + UUID.randomUUID(), false);
    private final AppContext context = new AppContext(store, store, new CatalogRepository(),
            new ConnectorRegistry(List.of(new FakeConnector())), env::get);

    @AfterEach
    void close() {
        context.close();
    }

    private Instance register(String name, String password, String passwordEnv) {
        Instance i = context.fleet().register(new Registration(name, "jdbc:fake://" + name + "/app", "dba", password,
                passwordEnv, null, null, null, Map.of()));
        return context.fleet().update(i.withHardware(i.hardware().withDiskBytes(500L << 30)));
    }

    @Test
    void anUnsetPasswordVariableFailsOnlyItsInstanceAndTheOthersArePlanned() {
        Instance fine = register("orders", "sealed-secret", null);
        // Set while registering; a later refresh reads the variable of the process, where nobody set it.
        env.put("KNOBWRIGHT_TEST_UNSET_PW", "secret");
        Instance unset = register("billing", null, "KNOBWRIGHT_TEST_UNSET_PW");

        PlanBatch batch = context.plans().createPlans("postgresql-oltp", List.of(fine.id(), unset.id()), true, n -> { });

        assertThat(batch.plans()).extracting(p -> p.instanceName()).containsExactly("orders");
        assertThat(batch.failures()).singleElement().satisfies(f -> {
            assertThat(f.instanceName()).isEqualTo("billing");
            assertThat(f.reason()).contains("KNOBWRIGHT_TEST_UNSET_PW is not set");
        });
    }
}
