package dev.ecabot.slack;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for Slack's Socket Mode websocket (the URL apps.connections.open hands out): greets a
 * connecting app with Slack's "hello" message, sends envelopes the test gives it, and records what the app sends
 * back (acks carry the envelope_id). Loopback only.
 */
final class FakeSocketModeServer extends WebSocketServer implements AutoCloseable {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile WebSocket app;

    FakeSocketModeServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("fake Socket Mode server did not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=test-ticket&app_id=A0ECA0001";
    }

    boolean connected() {
        return app != null && app.isOpen();
    }

    void sendEnvelope(String json) {
        app.send(json);
    }

    List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        app = conn;
        conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"applink-test\","
                + "\"build_number\":1,\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A0ECA0001\"}}");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        received.add(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
