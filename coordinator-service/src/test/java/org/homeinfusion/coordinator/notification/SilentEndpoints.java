package org.homeinfusion.coordinator.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Endpoints that never answer: one that refuses connections, one that accepts them and then hangs. */
final class SilentEndpoints implements AutoCloseable {

    private final int refusingPort;
    private final ServerSocket hanging;
    private final List<Socket> held = new ArrayList<>();
    private final Thread acceptor;

    SilentEndpoints() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusingPort = probe.getLocalPort();
        }
        hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!hanging.isClosed()) {
                try {
                    Socket socket = hanging.accept();
                    synchronized (held) {
                        held.add(socket);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }, "hanging-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String refusingUrl() {
        return "http://127.0.0.1:" + refusingPort + "/hooks";
    }

    String hangingUrl() {
        return "http://127.0.0.1:" + hanging.getLocalPort() + "/hooks";
    }

    @Override
    public void close() throws IOException {
        hanging.close();
        synchronized (held) {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
