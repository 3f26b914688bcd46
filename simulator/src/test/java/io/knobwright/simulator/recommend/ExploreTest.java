package io.knobwright.simulator.recommend;

import org.junit.jupiter.api.Test;
import java.util.*;

class ExploreTest {
    @Test
    void explore() {
        for (int i = 0; i < 14; i++) {
            var req = GeneratedRequests.request(14_0149L + i);
            var set = Requests.RECOMMENDER.recommend(req);
            System.out.println("=== " + req.instance() + " " + req.catalog().engineVersion() + " " + req.machine() + " clients " + req.workload().clients() + " " + req.options());
            System.out.println(" noChange: " + set.noChangeReason());
            for (var r : set.recommendations()) System.out.println(" * " + r.parameter() + " " + r.from() + " -> " + r.to() + " " + r.reason() + " " + r.confidence() + " " + Texts.change(r.effect().gain()) + " restart=" + r.restartRequired() + "\n     " + r.reasoning() + (r.dataLossWindow().isBlank() ? "" : "\n     LOSS " + r.dataLossWindow()) + "\n     ev " + r.evidence().stream().map(e -> e.kind() + " " + e.name() + "=" + e.value()).toList());
            set.considered().forEach(c -> System.out.println(" ~ " + c.parameter() + " " + c.from() + " -> " + c.to() + ": " + c.why()));
            set.warnings().forEach(w -> System.out.println(" ! " + w));
        }
    }
}
