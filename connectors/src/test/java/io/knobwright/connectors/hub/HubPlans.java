package io.knobwright.connectors.hub;

import java.util.UUID;

/** Chains and submissions for hub tests. */
final class HubPlans {

    static final String NO_LEVELS = """
            {"rule":"dev-open","levels":[]}""";
    static final String ONE_SENIOR = """
            {"rule":"test-light","levels":[{"role":"senior-dba","quorum":1}]}""";
    static final String SENIOR_THEN_BOARD = """
            {"rule":"prod-locked","levels":[{"role":"senior-dba","quorum":1},{"role":"change-board","quorum":2}]}""";
    static final String BOARD_OF_TWO = """
            {"rule":"board","levels":[{"role":"change-board","quorum":2}]}""";
    static final String ESCALATING = """
            {"rule":"prod-locked","levels":[{"role":"senior-dba","quorum":1},{"role":"change-board","quorum":2}],\
            "escalateAfter":"PT4H","escalateTo":"admin","expireAfter":"P3D"}""";

    private HubPlans() {
    }

    static PlanSubmission submission(UUID plan, String chain) {
        return new PlanSubmission(UUID.randomUUID(), plan, "orders-db-1", "CHG0012345", "high", chain,
                "{\"changes\":[{\"name\":\"work_mem\",\"from\":\"4MB\",\"to\":\"64MB\"}]}");
    }
}
