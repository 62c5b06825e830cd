package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.notification.NotificationFixtures.newRecipient;
import static org.modhub.moderation.notification.NotificationFixtures.publish;
import static org.modhub.moderation.notification.NotificationFixtures.receipt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.devstack.test.DevStackResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * The SMTP timeout is in effect: pointed at a server that accepts connections and never says a word, a send through
 * Quarkus Mailer fails after the send timeout (2 s here) and the delivery is recorded for retry, instead of hanging on
 * the dead connection; the retries go on doing so.
 */
@QuarkusTest
@TestProfile(SmtpTimeoutTest.SilentSmtpServer.class)
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
class SmtpTimeoutTest {

    @Inject
    DataSource db;

    @Test
    void aServerThatAcceptsAndNeverAnswersFailsTheAttemptInTimeAndIsRetried() {
        String to = newRecipient("silent");
        NotificationRequested request = receipt(to);
        long started = System.nanoTime();
        publish(request);

        List<Object> failed = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> row(request.idempotencyKey()),
                        r -> r != null
                                && ((Number) r.get(1)).intValue() >= 1
                                && "QUEUED".equals(r.get(0))
                                && r.get(2) != null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(SilentSmtpServer.accepted())
                .as("connections the silent server accepted")
                .isPositive();
        // The 2 s send timeout of this profile, not Vert.x's default of no timeout at all.
        assertThat(took).isLessThan(Duration.ofSeconds(8));
        assertThat(failed.get(2).toString()).isEqualTo("no answer from the SMTP server in time");
        // Retried with backoff, each attempt bounded the same way.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ((Number) row(request.idempotencyKey()).get(1)).intValue() >= 3);
        assertThat(SilentSmtpServer.accepted()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theSmtpTimeoutsAreRealConfigurationKeys() {
        // The key the old comment relied on does not exist in Quarkus: nothing may set it any more.
        assertThat(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getOptionalValue("quarkus.mailer.connection-timeout", String.class))
                .isEmpty();
        assertThat(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getValue("notification.outbound.send-timeout", Duration.class))
                .isEqualTo(Duration.ofSeconds(2));
    }

    private List<Object> row(String key) {
        List<List<Object>> found =
                rows(db, "SELECT status, attempts, last_error FROM mail_delivery WHERE idempotency_key = ?", key);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * A local server socket that accepts every connection and holds it silently. The profile class is loaded twice (by
     * JUnit and by Quarkus), so the one server's port and counters are kept in (string) system properties.
     */
    public static class SilentSmtpServer implements QuarkusTestProfile {

        private static final String KEY = SilentSmtpServer.class.getName();

        /** Connections accepted so far. */
        static int accepted() {
            return Integer.getInteger(KEY + ".accepted", 0);
        }

        /** Connections the client closed so far. */
        static int closedByClient() {
            return Integer.getInteger(KEY + ".closed", 0);
        }

        private static synchronized void increment(String name) {
            System.setProperty(KEY + "." + name, Integer.toString(Integer.getInteger(KEY + "." + name, 0) + 1));
        }

        private static synchronized int port() {
            Integer port = Integer.getInteger(KEY + ".port");
            if (port == null) {
                port = start();
                System.setProperty(KEY + ".port", port.toString());
            }
            return port;
        }

        private static int start() {
            try {
                ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Thread acceptor = new Thread(
                        () -> {
                            while (!server.isClosed()) {
                                try {
                                    Socket socket = server.accept();
                                    increment("accepted");
                                    Thread reader = new Thread(
                                            () -> {
                                                try {
                                                    // Never writes; read() returns -1 (or fails) once the client
                                                    // closes.
                                                    while (socket.getInputStream()
                                                                    .read()
                                                            >= 0) {
                                                        // discard what the client sends
                                                    }
                                                } catch (IOException e) {
                                                    // reset by the client: closed as well
                                                }
                                                increment("closed");
                                            },
                                            "silent-smtp-reader");
                                    reader.setDaemon(true);
                                    reader.start();
                                } catch (IOException e) {
                                    return;
                                }
                            }
                        },
                        "silent-smtp");
                acceptor.setDaemon(true);
                acceptor.start();
                return server.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.host",
                    "127.0.0.1",
                    "quarkus.mailer.port",
                    Integer.toString(port()),
                    "notification.outbound.send-timeout",
                    "2s",
                    "notification.outbound.lease",
                    "1m",
                    "notification.outbound.journal.address",
                    "",
                    "notification.inbound.enabled",
                    "false");
        }
    }
}
