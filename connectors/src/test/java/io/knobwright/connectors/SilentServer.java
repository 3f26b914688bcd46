package io.knobwright.connectors;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A local TCP port that accepts connections and never says a word: a hung server to a driver, and a
 * witness of whether anybody connected at all (for "refused before connecting" tests).
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> accepted = new ArrayList<>();

    public SilentServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** True when a client connected, waiting up to {@code millis} for one. */
    public boolean anyoneConnected(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            accepted.add(socket.accept());
            return true;
        } catch (SocketTimeoutException nobody) {
            return false;
        }
    }

    /** Accepts connections in the background and holds them open without answering. */
    public SilentServer holdingConnections() {
        Thread.ofVirtual().start(() -> {
            try {
                while (!socket.isClosed()) {
                    Socket client = socket.accept();
                    synchronized (accepted) {
                        accepted.add(client);
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        return this;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (accepted) {
            for (Socket client : accepted) {
                client.close();
            }
        }
    }
}
