package io.knobwright.app.apply;

import io.knobwright.model.apply.journal.ServerSession;

/**
 * A session that hands every call to a real one: tests override the call where their fault happens (a terminated
 * backend, a stopped server, a killed process), so everything else is what production does.
 */
class ForwardingSession implements ServerSession, AutoCloseable {

    private final ServerSession inner;

    ForwardingSession(ServerSession inner) {
        this.inner = inner;
    }

    @Override
    public String read(String parameter) {
        return inner.read(parameter);
    }

    @Override
    public void set(String parameter, String value) {
        inner.set(parameter, value);
    }

    @Override
    public void restore(String parameter, String prior) {
        inner.restore(parameter, prior);
    }

    @Override
    public boolean pendingRestart(String parameter) {
        return inner.pendingRestart(parameter);
    }

    @Override
    public boolean same(String parameter, String expected, String actual) {
        return inner.same(parameter, expected, actual);
    }

    @Override
    public void close() throws Exception {
        if (inner instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
