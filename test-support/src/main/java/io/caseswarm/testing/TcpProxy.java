package io.caseswarm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on a free loopback port that a test can cut, to make a real server (PostgreSQL, the
 * broker) unreachable for a while without touching the server itself: {@link #cut()} resets every open
 * connection and refuses new ones until {@link #restore()}. Point a client at {@link #port()}.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    public static TcpProxy to(String targetHost, int targetPort) {
        try {
            TcpProxy proxy = new TcpProxy(targetHost, targetPort);
            proxy.threads.submit(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Like a server that died: open connections are reset, new ones are closed at once. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::reset);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    public boolean isCut() {
        return cut;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    reset(client);
                } else {
                    threads.submit(() -> connect(client));
                }
            } catch (IOException e) {
                // The listener was closed: the proxy is done.
            }
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
        } catch (IOException e) {
            reset(client);
            return;
        }
        open.add(client);
        open.add(server);
        if (cut) { // cut while we were connecting
            cut();
            return;
        }
        threads.submit(() -> pump(client, server));
        threads.submit(() -> pump(server, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away (or was cut): the other goes too.
        } finally {
            reset(from);
            reset(to);
            open.remove(from);
            open.remove(to);
        }
    }

    /** Closes with an RST rather than a FIN, as a crashed server's connections end. */
    private static void reset(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (SocketException e) {
            // Already unusable; closing is all that is left.
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to do with a socket we are throwing away.
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        cut();
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "TcpProxy(127.0.0.1:" + port() + " -> " + targetHost + ":" + targetPort + ")";
    }
}
