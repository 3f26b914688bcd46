package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.WorkloadShape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.knobwright.simulator.recommend.Requests.GB;
import static io.knobwright.simulator.recommend.Requests.MB;
import static org.assertj.core.api.Assertions.assertThat;

/** Each resolution rule of decision 0154 is chosen where it should be, and says why the others were not. */
class ConflictResolutionTest {

    private static final WindowedRecommender WINDOWED = new WindowedRecommender(Requests.RECOMMENDER);

    /** A 4-CPU, 16 GB reporting box, where hash tables that spill are worth memory (as in RecommenderExamplesTest). */
    static final io.knobwright.simulator.model.Machine BOX = new io.knobwright.simulator.model.Machine(4,
            (long) (16 * GB), io.knobwright.simulator.model.DeviceProfile.SSD);

    /** Daytime OLTP: short lookups and updates from {@code clients} application connections. */
    static WorkloadShape oltp(int clients) {
        return new WorkloadShape("daytime OLTP", List.of(
                new QueryClass("select * from orders where id = $1", 4, 0.05, 6, 0, 0, 0, 0, false),
                new QueryClass("update orders set status = $1 where id = $2", 1, 0.08, 4, 0, 0, 2, 300, false)),
                20 * GB, 0.9, clients, 5, 1);
    }

    /** The nightly batch: reports that build 128 MB hash tables, from {@code clients} connections. */
    static WorkloadShape batch(int clients) {
        return new WorkloadShape("nightly batch", List.of(new QueryClass(
                "select customer, sum(total) from orders join customers using (customer_id) group by customer", 1, 30,
                2000, 0, 128 * MB, 0, 0, false)), 20 * GB, 0.8, clients, 0, 0);
    }

    static WorkloadWindow window(List<Integer> hours, double weight, Map<String, Double> roles,
                                 Map<String, Double> databases, WorkloadShape shape) {
        return new WorkloadWindow(new DayWindow(hours, weight, shape.clients(), 100, 0.2, 0, roles, databases), shape);
    }

    static List<Integer> hours(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int h = from; h != to; h = (h + 1) % 24) {
            out.add(h);
        }
        return out;
    }

    static RecommendationRequest request(RecommendationOptions options) {
        return Requests.request("db-day-night", BOX, oltp(100), Map.of(), options);
    }

    static List<WorkloadWindow> dayAndNight(Map<String, Double> dayRoles, Map<String, Double> nightRoles,
                                            Map<String, Double> dayDbs, Map<String, Double> nightDbs) {
        return List.of(window(hours(7, 1), 0.75, dayRoles, dayDbs, oltp(100)),
                window(hours(1, 7), 0.25, nightRoles, nightDbs, batch(8)));
    }

    private static WindowConflict conflict(RecommendationSet set, String parameter) {
        return set.conflicts().stream().filter(c -> c.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new AssertionError("no conflict on " + parameter + " in " + set.conflicts()));
    }

    private static final Map<String, Double> NONE = Map.of();

    @Test
    void aValueNearTheBestInEveryWindowIsTheCompromise() {
        // a quiet day of 4 clients does not mind the batch's larger work_mem, and the budget has room for it
        List<WorkloadWindow> windows = List.of(window(hours(7, 1), 0.75, NONE, NONE, oltp(4)),
                window(hours(1, 7), 0.25, NONE, NONE, batch(8)));

        WindowConflict wm = conflict(WINDOWED.recommend(request(RecommendationOptions.CONSERVATIVE), windows),
                "work_mem");

        assertThat(wm.resolution()).isEqualTo(WindowConflict.Resolution.COMPROMISE);
        assertThat(wm.value()).isEqualTo("64MB");
        assertThat(wm.statements()).isEmpty();
        assertThat(wm.values()).extracting(WindowConflict.WindowValue::wanted).containsExactly("64MB", "4MB");
        assertThat(wm.values()).allSatisfy(v -> assertThat(v.scoreRatio()).isGreaterThanOrEqualTo(0.97));
        assertThat(wm.explanation()).contains("One value serves every window within 3% of its own best");
        assertThat(wm.notChosen()).singleElement().asString().contains("not needed");
    }

    @Test
    void workOfDifferentRolesGetsAlterRoleWhenNoCompromiseFits() {
        RecommendationSet set = WINDOWED.recommend(request(RecommendationOptions.CONSERVATIVE),
                dayAndNight(Map.of("app", 95.0, "monitor", 5.0), Map.of("batch", 8.0), NONE, NONE));

        WindowConflict wm = conflict(set, "work_mem");
        assertThat(wm.resolution()).isEqualTo(WindowConflict.Resolution.PER_ROLE);
        assertThat(wm.applyMode()).isEqualTo(ApplyMode.ONLINE);
        assertThat(wm.statements()).containsExactly("ALTER ROLE \"batch\" SET work_mem = '64MB';");
        assertThat(wm.value()).as("other roles keep today's value").isEqualTo("4MB");
        assertThat(wm.explanation()).contains("different roles").contains("95% role app")
                .contains("100% role batch");
        // the night's 64MB for 100 daytime connections would not fit in 16 GB
        assertThat(wm.notChosen().getFirst()).startsWith("compromise:");
        assertThat(wm.notChosen().get(1)).startsWith("time windows: not needed");
        assertThat(set.recommendations()).as("the whole-day answer is unchanged")
                .isEqualTo(Requests.RECOMMENDER.recommend(request(RecommendationOptions.CONSERVATIVE))
                        .recommendations());
    }

    @Test
    void oneRoleInDifferentDatabasesGetsAlterDatabase() {
        RecommendationSet set = WINDOWED.recommend(request(RecommendationOptions.CONSERVATIVE),
                dayAndNight(Map.of("app", 100.0), Map.of("app", 8.0), Map.of("shop", 100.0), Map.of("reports", 8.0)));

        WindowConflict wm = conflict(set, "work_mem");
        assertThat(wm.resolution()).isEqualTo(WindowConflict.Resolution.PER_DATABASE);
        assertThat(wm.statements()).containsExactly("ALTER DATABASE \"reports\" SET work_mem = '64MB';");
        assertThat(wm.notChosen()).anyMatch(n -> n.startsWith("per role:") && n.contains("the same role (app)"));
    }

    @Test
    void workNotAttributableToRolesOrDatabasesFollowsTheClock() {
        RecommendationSet set = WINDOWED.recommend(request(RecommendationOptions.CONSERVATIVE),
                dayAndNight(Map.of("app", 60.0, "batch", 40.0), Map.of("app", 4.0, "batch", 4.0), NONE, NONE));

        WindowConflict wm = conflict(set, "work_mem");
        assertThat(wm.resolution()).isEqualTo(WindowConflict.Resolution.TIME_WINDOWS);
        assertThat(wm.statements()).containsExactly(
                "at 01:00: ALTER SYSTEM SET work_mem = '64MB'; SELECT pg_reload_conf();",
                "at 07:00: ALTER SYSTEM SET work_mem = '4MB'; SELECT pg_reload_conf();");
        assertThat(wm.explanation()).contains("64MB from 01:00, 4MB from 07:00");
        assertThat(wm.notChosen()).anyMatch(n -> n.startsWith("per role or database: no role holds 80% of 01-07"));
    }

    @Test
    void restartParametersGetOneValueNeverASwitchOrARoleSetting() {
        // 200 daytime clients need max_connections raised; the batch does not: a restart parameter in conflict
        RecommendationRequest request = Requests.request("db-day-night", Requests.machine(16, 64), oltp(200),
                Map.of(), new RecommendationOptions(true, false));
        RecommendationSet set = WINDOWED.recommend(request, List.of(window(hours(7, 1), 0.75, NONE, NONE, oltp(200)),
                window(hours(1, 7), 0.25, NONE, NONE, batch(8))));

        List<WindowConflict> restart = set.conflicts().stream().filter(c -> c.applyMode() == ApplyMode.RESTART)
                .toList();
        assertThat(restart).extracting(WindowConflict::parameter).contains("max_connections");
        assertThat(restart).allSatisfy(c -> {
            assertThat(c.resolution()).isIn(WindowConflict.Resolution.COMPROMISE, WindowConflict.Resolution.UNRESOLVED);
            assertThat(c.statements()).isEmpty();
        });
        // no value that refuses the day's clients is ever chosen: 210 as the compromise, or, where the night's memory
        // cannot take 210 connections, unresolved with the whole-day 210 standing
        WindowConflict connections = conflict(set, "max_connections");
        if (connections.resolution() == WindowConflict.Resolution.COMPROMISE) {
            assertThat(connections.value()).isEqualTo("210");
        } else {
            assertThat(connections.explanation()).contains("100 is refused in 07-01: max_connections 100 refuses some"
                    + " of its 200 clients");
            assertThat(set.recommendations()).anyMatch(r -> r.parameter().equals("max_connections")
                    && r.to().equals("210"));
        }
    }

    @Test
    void aDurabilityTradeAllowedForTheCommittingDayStatesItsDataLossWindowInTheResolution() {
        // the day commits small inserts on a disk that waits for every flush; the night only reads
        WorkloadShape commits = new WorkloadShape("small commits", List.of(new QueryClass(
                "insert into events values ($1, $2)", 1, 0.05, 2, 0, 0, 1, 200, false)), 2 * GB, 0.9, 4, 0, 1);
        io.knobwright.simulator.model.Machine hdd = new io.knobwright.simulator.model.Machine(4, (long) (16 * GB),
                io.knobwright.simulator.model.DeviceProfile.HDD);
        RecommendationRequest request = Requests.request("events", hdd, commits, Map.of(),
                new RecommendationOptions(false, true));

        RecommendationSet set = WINDOWED.recommend(request, List.of(window(hours(7, 1), 0.75, NONE, NONE, commits),
                window(hours(1, 7), 0.25, NONE, NONE, batch(2))));

        WindowConflict sc = conflict(set, "synchronous_commit");
        assertThat(sc.values()).extracting(WindowConflict.WindowValue::wanted).containsExactly("on", "off");
        assertThat(sc.resolution()).isEqualTo(WindowConflict.Resolution.COMPROMISE);
        assertThat(sc.value()).as("the night, which commits nothing, loses nothing with it").isEqualTo("off");
        assertThat(sc.explanation()).contains("DURABILITY TRADE (allowed) in 01-07, 07-01")
                .contains("3 x wal_writer_delay = 600 ms");
    }

    @Test
    void theAnswerDoesNotDependOnTheWindowsOrderOrOnTheRecommenderInstance() {
        List<WorkloadWindow> windows = dayAndNight(Map.of("app", 95.0), Map.of("batch", 8.0), NONE, NONE);
        RecommendationSet first = WINDOWED.recommend(request(RecommendationOptions.CONSERVATIVE), windows);

        RecommendationSet again = new WindowedRecommender(Recommender.builtIn())
                .recommend(request(RecommendationOptions.CONSERVATIVE), windows.reversed());

        assertThat(again).isEqualTo(first);
        assertThat(first.conflicts()).isNotEmpty();
    }

    @Test
    void aDayThatIsOneWindowGetsTheWholeDayAnswerWithoutConflicts() {
        RecommendationRequest request = request(RecommendationOptions.CONSERVATIVE);

        List<Integer> wholeDay = java.util.stream.IntStream.range(0, 24).boxed().toList();
        RecommendationSet set = WINDOWED.recommend(request, List.of(window(wholeDay, 1, NONE, NONE, oltp(100))));

        assertThat(set).isEqualTo(Requests.RECOMMENDER.recommend(request));
        assertThat(set.conflicts()).isEmpty();
    }
}
