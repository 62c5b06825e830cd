package org.modhub.moderation.kit.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny HTTP server on loopback that replays recorded hub answers ({@code src/test/resources/hub-recorded/}, in
 * the Hugging Face Hub API's shapes) by {@code "METHOD raw-path-and-query"}, answers 404 to anything else, and
 * remembers every request it got. Also the canary: a second one that must never be called.
 */
final class HubReplay {

    record Request(String target, String authorization, String body) {}

    record Reply(int status, Map<String, String> headers, byte[] body, long delayMillis) {}

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private HubReplay(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    static HubReplay on(int port) {
        return new HubReplay(port);
    }

    /** A free loopback port, for a profile to name before the server starts. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    void stop() {
        server.stop(0);
    }

    HubReplay recorded(String target, String file) {
        return reply(target, 200, Map.of("Content-Type", "application/json"), read(file));
    }

    HubReplay reply(String target, int status, Map<String, String> headers, byte[] body) {
        replies.put(target, new Reply(status, headers, body, 0));
        return this;
    }

    HubReplay reply(String target, Reply reply) {
        replies.put(target, reply);
        return this;
    }

    void forget() {
        replies.clear();
        requests.clear();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<String> targets() {
        return requests.stream().map(Request::target).toList();
    }

    static byte[] read(String file) {
        try (InputStream in = HubReplay.class.getResourceAsStream("/hub-recorded/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded answer " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String target = exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(target, exchange.getRequestHeaders().getFirst("Authorization"), body));
        Reply reply = replies.getOrDefault(
                target,
                new Reply(
                        404,
                        Map.of("Content-Type", "application/json"),
                        "{\"error\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8),
                        0));
        try {
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            // -1: no body; 0: chunked, so the client sees no Content-Length; else the length.
            boolean chunked = "chunked".equals(reply.headers().get("X-Replay-Length"));
            exchange.sendResponseHeaders(
                    reply.status(), reply.body().length == 0 ? -1 : chunked ? 0 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client hung up (a refused or timed-out answer): nothing to do.
        } finally {
            exchange.close();
        }
    }
}
