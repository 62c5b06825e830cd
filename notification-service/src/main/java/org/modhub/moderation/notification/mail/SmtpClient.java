package org.modhub.moderation.notification.mail;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.modhub.moderation.notification.config.NotificationConfig;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.MailResult;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The SMTP client of the sender: a Vert.x mail client configured from Quarkus Mailer's own {@code quarkus.mailer.*} keys
 * (host, port, username, password, start-tls, tls, ssl, trust-all, login) plus the timeouts Quarkus 3.34 does not offer
 * for it ({@code quarkus.mailer.timeout} bounds only the blocking Mailer, and there is no connect-timeout key):
 * <ul>
 * <li>{@code notification.outbound.smtp.connect-timeout} on the TCP connect;</li>
 * <li>{@code notification.outbound.send-timeout} on the whole conversation. Giving up on the answer alone would leave
 * the connection in the pool, waiting on a server that accepted and never spoke (a dead relay, a black-holing firewall),
 * until every slot of the pool is such a connection and no mail goes out even after the server recovers; so a
 * conversation that runs out replaces the client, and later sends get a fresh pool. (Vert.x does not close a connection
 * that is still in use when its client closes: the hung socket is left to the operating system, one per timeout.)</li>
 * </ul>
 */
@ApplicationScoped
public class SmtpClient {

    private final Vertx vertx;
    private final MailConfig mailConfig;
    private final AtomicReference<MailClient> client = new AtomicReference<>();

    public SmtpClient(Vertx vertx, NotificationConfig config,
            @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "quarkus.mailer.port") OptionalInt port,
            @ConfigProperty(name = "quarkus.mailer.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.mailer.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL") String startTls,
            @ConfigProperty(name = "quarkus.mailer.tls") Optional<Boolean> tls,
            @ConfigProperty(name = "quarkus.mailer.ssl", defaultValue = "false") boolean ssl,
            @ConfigProperty(name = "quarkus.mailer.trust-all") Optional<Boolean> trustAll,
            @ConfigProperty(name = "quarkus.mailer.login", defaultValue = "NONE") String login) {
        this.vertx = vertx;
        boolean secure = tls.orElse(ssl);
        NotificationConfig.Smtp smtp = config.outbound().smtp();
        this.mailConfig = new MailConfig()
                .setHostname(host)
                .setPort(port.orElse(secure ? 465 : 25))
                .setSsl(secure)
                .setTrustAll(trustAll.orElse(false))
                .setStarttls(StartTLSOptions.valueOf(startTls.strip().toUpperCase(Locale.ROOT)))
                .setLogin(LoginOption.valueOf(login.strip().toUpperCase(Locale.ROOT)))
                .setKeepAlive(true)
                .setMaxPoolSize(Math.max(1, config.outbound().concurrency()));
        mailConfig.setConnectTimeout(millis(smtp.connectTimeout()));
        username.ifPresent(mailConfig::setUsername);
        password.ifPresent(mailConfig::setPassword);
        client.set(MailClient.create(vertx, mailConfig));
    }

    /**
     * One SMTP conversation: emits the server's answer, or fails (SMTP error, connect timeout, closed connection, or
     * {@link io.smallrye.mutiny.TimeoutException} when it took longer than {@code timeout}, after which this client's
     * connections are closed).
     */
    public Uni<MailResult> send(MailMessage message, Duration timeout) {
        MailClient current = client.get();
        return current.sendMail(message)
                .ifNoItem().after(timeout).fail()
                .onFailure(io.smallrye.mutiny.TimeoutException.class).invoke(() -> replace(current));
    }

    /** Replaces a client whose conversation hung, so later sends do not queue behind its hung connections. */
    private void replace(MailClient stale) {
        if (client.compareAndSet(stale, MailClient.create(vertx, mailConfig))) {
            Log.warnf("An SMTP conversation with %s:%d got no answer in time; later sends use a new connection pool",
                    mailConfig.getHostname(), mailConfig.getPort());
            stale.close().subscribe().with(closed -> {
            }, failure -> Log.debugf("Closing the stale SMTP client: %s", failure.toString()));
        }
    }

    void close(@Observes ShutdownEvent stopping) {
        client.get().close().subscribe().with(closed -> {
        }, failure -> {
        });
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
