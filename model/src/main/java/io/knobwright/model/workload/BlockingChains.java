package io.knobwright.model.workload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Who blocks whom at one moment, arranged for display: each chain starts at a session that waits for nobody. */
public record BlockingChains(List<BlockedSession> sessions) {

    public BlockingChains {
        sessions = List.copyOf(sessions);
    }

    public static final BlockingChains NONE = new BlockingChains(List.of());

    /** Sessions waiting for a lock. */
    public long waiting() {
        return sessions.stream().filter(BlockedSession::waits).count();
    }

    /** Sessions that hold what others wait for but wait for nobody themselves: where each chain starts. */
    public List<BlockedSession> heads() {
        Set<String> blockers = new HashSet<>();
        sessions.forEach(s -> blockers.addAll(s.blockedBy()));
        return sessions.stream().filter(s -> !s.waits() && blockers.contains(s.session())).toList();
    }

    /** One line per session, waiters indented under what they wait for ("123 idle in transaction 45 s: UPDATE ..."). */
    public List<String> lines() {
        Map<String, BlockedSession> byId = new LinkedHashMap<>();
        sessions.forEach(s -> byId.put(s.session(), s));
        List<String> out = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (BlockedSession head : heads()) {
            walk(head, 0, byId, shown, out);
        }
        // Waiters in a cycle (a deadlock not yet detected) or whose blocker vanished between the queries
        for (BlockedSession s : sessions) {
            if (!shown.contains(s.session()) && s.waits()) {
                walk(s, 0, byId, shown, out);
            }
        }
        return out;
    }

    private void walk(BlockedSession s, int depth, Map<String, BlockedSession> byId, Set<String> shown, List<String> out) {
        if (!shown.add(s.session())) {
            return;
        }
        out.add("  ".repeat(depth) + (depth == 0 ? "" : "<- ") + describe(s));
        for (BlockedSession waiter : sessions) {
            if (waiter.blockedBy().contains(s.session())) {
                walk(waiter, depth + 1, byId, shown, out);
            }
        }
    }

    private static String describe(BlockedSession s) {
        String query = s.query().replaceAll("\\s+", " ").strip();
        if (query.length() > 80) {
            query = query.substring(0, 77) + "...";
        }
        return "session " + s.session() + (s.user().isEmpty() ? "" : " (" + s.user() + (s.database().isEmpty() ? "" : "@" + s.database()) + ")")
                + " " + (s.waits() ? "waiting " : s.state() + " ") + String.format(Locale.ROOT, "%.0f s", s.waitSeconds())
                + (query.isEmpty() ? "" : ": " + query);
    }
}
