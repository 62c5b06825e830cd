package org.modhub.moderation.devstack.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers. */
public final class Ports {

    private Ports() {}

    /**
     * A port that was free a moment ago. Components pick their port up front (instead of binding
     * port 0) so that a restart comes back on the same address.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    /** {@code port} if positive, otherwise a free port. */
    public static int orFree(int port) {
        return port > 0 ? port : freePort();
    }

    /** A free port other than {@code taken}, for a server's second listener. */
    public static int freePortOtherThan(int taken) {
        int port;
        do {
            port = freePort();
        } while (port == taken);
        return port;
    }

    /** Whether a server could bind {@code port} on the loopback interface right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
