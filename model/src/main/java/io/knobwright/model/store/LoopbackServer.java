package io.knobwright.model.store;

import org.h2.engine.SysProperties;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The store's AUTO_SERVER listens on the loopback only. H2 starts that server with {@code -tcpAllowOthers} and
 * binds it where the system property {@code h2.bindAddress} says, read once when H2's settings are first loaded;
 * without it, on every interface. So the property is set before any H2 class is used, and a store is not opened
 * in a JVM where H2 would bind elsewhere (decision 0043).
 */
final class LoopbackServer {

    static final String PROPERTY = "h2.bindAddress";
    static final String LOOPBACK = "127.0.0.1";

    private LoopbackServer() {
    }

    /** Called before the first use of H2 in this JVM; a loopback address someone already chose is kept. */
    static void bindH2ToLoopback() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, LOOPBACK);
        }
    }

    /** Refuses to open a store whose server H2 would bind to another address than the loopback. */
    static void require() {
        require(SysProperties.BIND_ADDRESS);
    }

    static void require(String boundTo) {
        if (boundTo == null || boundTo.isBlank()) {
            throw new StoreException("The store's server would listen on every network interface: H2 was started in"
                    + " this Java process before Knobwright could bind it to " + LOOPBACK + ". Start Knobwright on"
                    + " its own, or pass -D" + PROPERTY + "=" + LOOPBACK + " to Java.");
        }
        if (!isLoopback(boundTo)) {
            throw new StoreException("The store's server would listen on " + boundTo + " (-D" + PROPERTY + "), where"
                    + " other machines can reach it; Knobwright serves its store on the loopback only. Remove that"
                    + " option, or set it to " + LOOPBACK + ".");
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
