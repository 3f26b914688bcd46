package io.knobwright.app.ui.operations;

import io.knobwright.model.apply.journal.ServerSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server in memory for overrides: what was set, read back as set; every statement is recorded. */
final class FakeServer implements ServerSession {

    final Map<String, String> values = new LinkedHashMap<>(Map.of("work_mem", "4MB", "statement_timeout", "30s"));
    final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public synchronized String read(String parameter) {
        return values.get(parameter);
    }

    @Override
    public synchronized void set(String parameter, String value) {
        statements.add("set " + parameter + " = " + value);
        values.put(parameter, value);
    }

    @Override
    public synchronized void restore(String parameter, String prior) {
        statements.add("restore " + parameter + " = " + prior);
        values.put(parameter, prior);
    }

    @Override
    public boolean pendingRestart(String parameter) {
        return false;
    }

    @Override
    public boolean same(String parameter, String expected, String actual) {
        return expected != null && expected.equalsIgnoreCase(actual);
    }
}
