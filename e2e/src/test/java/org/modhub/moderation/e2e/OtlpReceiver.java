package org.modhub.moderation.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.modhub.moderation.e2e.OtlpSpans.ReceivedSpan;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenTelemetry collector as small as a test needs: accepts OTLP/HTTP protobuf exports on {@code POST /v1/traces}
 * and keeps the spans (bounded: a run that exported more than {@link #MAX_SPANS} keeps the first ones) for
 * {@code TracingIT}. The services export to it with {@code http/protobuf}.
 */
final class OtlpReceiver implements AutoCloseable {

    static final int MAX_SPANS = 100_000;
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::handle);
            server.setExecutor(Executors.newSingleThreadExecutor(
                    r -> Thread.ofPlatform().daemon().name("e2e-otlp-receiver").unstarted(r)));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL the services' exporters are given ({@code /v1/traces} is appended by them). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY);
            }
            try {
                for (ReceivedSpan span : OtlpSpans.read(body)) {
                    if (spans.size() < MAX_SPANS) {
                        spans.add(span);
                    }
                }
            } catch (IllegalArgumentException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            // An empty ExportTraceServiceResponse: everything accepted.
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
