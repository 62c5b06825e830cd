package org.modhub.moderation.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.modhub.moderation.kit.timer.Ticker;
import org.modhub.moderation.kit.tracing.Spans;
import org.modhub.moderation.kit.tracing.TraceContexts;
import org.modhub.moderation.notification.config.NotificationConfig;
import org.modhub.moderation.notification.mail.MailClaims.Claim;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends queued mail: the sending lanes, and one SMTP conversation per claimed mail. A mail is claimed by
 * {@link MailClaims} and its outcome recorded by {@link DeliveryOutcomes}, each in its own transaction, so no
 * transaction spans the SMTP conversation. Every attempt after the first, and every claim whose lease lapsed (the
 * sender died mid-way), first asks the {@link Journal} whether the previous attempt reached the server; only if it did
 * not is the mail sent again. Each SMTP conversation is a span {@code smtp send <template>} in the trace the mail was
 * queued in, so the trace of a report or decision ends with the mails it caused.
 */
@ApplicationScoped
public class MailSender {

    private static final String ANY_DUE =
            "SELECT 1 FROM mail_delivery WHERE (status = 'QUEUED' AND next_attempt_at <= $1) "
                    + "OR (status = 'SENDING' AND lease_until < $1) LIMIT 1";

    /** How long after a mail was queued or found the lanes keep looking at their busy pace. */
    private static final Duration BUSY_FOR = Duration.ofSeconds(2);

    private static final AttributeKey<String> DELIVERY = AttributeKey.stringKey("modhub.mail.delivery_id");
    private static final AttributeKey<String> TEMPLATE = AttributeKey.stringKey("modhub.mail.template");

    private final MailClaims claims;
    private final DeliveryOutcomes outcomes;
    private final Pool pool;
    private final TemplateRenderer renderer;
    private final Journal journal;
    private final ReactiveMailer mailer;
    private final Clock clock;
    private final NotificationConfig.Outbound config;
    private final Spans spans;
    private final List<Ticker> tickers = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextLane = new AtomicInteger();
    private volatile long busyUntil = System.nanoTime();

    public MailSender(
            MailClaims claims,
            DeliveryOutcomes outcomes,
            TemplateRenderer renderer,
            Journal journal,
            ReactiveMailer mailer,
            Clock clock,
            NotificationConfig config,
            Pool pool,
            Spans spans) {
        this.claims = claims;
        this.outcomes = outcomes;
        this.pool = pool;
        this.renderer = renderer;
        this.journal = journal;
        this.mailer = mailer;
        this.clock = clock;
        this.config = config.outbound();
        this.spans = spans;
    }

    /**
     * One SMTP conversation at a time was the sender's limit (about 20 mails/s here), so {@code concurrency} lanes
     * send side by side, each on its own ticker and Vert.x context, each claiming its own rows (SKIP LOCKED).
     */
    void start(@Observes StartupEvent started, Vertx vertx) {
        for (int lane = 1; lane <= Math.max(1, config.concurrency()); lane++) {
            tickers.add(
                    Ticker.start(vertx, "Mail sender lane " + lane, this::pause, Duration.ofMillis(50), this::tick));
        }
    }

    /** A mail was queued and committed: one lane (in turn) looks at once. */
    public void wake() {
        busy();
        if (!tickers.isEmpty()) {
            tickers.get(Math.floorMod(nextLane.getAndIncrement(), tickers.size()))
                    .wake();
        }
    }

    private void busy() {
        busyUntil = System.nanoTime() + BUSY_FOR.toNanos();
    }

    /** Fast while mail flows; idle lanes cost one index probe each a second. */
    private Duration pause() {
        return System.nanoTime() - busyUntil < 0 ? config.pollEvery() : config.idlePollEvery();
    }

    void stop(@Observes ShutdownEvent stopping) {
        tickers.forEach(Ticker::close);
    }

    Uni<Void> tick() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        // Most rounds find nothing: one read on the bare pool (the partial indexes of due and interrupted rows)
        // before a Hibernate session and a claiming transaction, as the outbox relay does.
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Uni.createFrom()
                .completionStage(
                        () -> pool.preparedQuery(ANY_DUE).execute(Tuple.of(now)).toCompletionStage())
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    busy();
                    return sendDue(0).replaceWithVoid();
                });
    }

    private Uni<Integer> sendDue(int done) {
        if (done >= config.batchSize()) {
            return Uni.createFrom().item(done);
        }
        Context context = Vertx.currentContext();
        return claims.next()
                .chain(claim -> claim == null
                        ? Uni.createFrom().item(done)
                        : claim == Claim.SKIPPED
                                ? sendDue(done + 1)
                                : deliver(claim, context)
                                        .onFailure()
                                        .recoverWithNull()
                                        .chain(() -> sendDue(done + 1)));
    }

    private Uni<Void> deliver(Claim claim, Context context) {
        Executor onContext =
                context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
        // A previous attempt may have reached the server although we never heard back: ask the journal first.
        Uni<Boolean> sentBefore = (claim.attempts() > 1 || claim.interrupted()) && journal.enabled()
                ? Uni.createFrom()
                        .item(() -> {
                            try {
                                return journal.contains(claim.messageId());
                            } catch (jakarta.mail.MessagingException e) {
                                throw new JournalUnavailableException(e);
                            }
                        })
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .emitOn(onContext)
                : Uni.createFrom().item(false);
        return sentBefore
                .chain(sent -> {
                    if (sent) {
                        Log.infof(
                                "Delivery %s had reached the server before; recorded as sent without sending again",
                                claim.id());
                        return outcomes.sent(claim, "confirmed by the journal after an interrupted attempt");
                    }
                    return send(claim).emitOn(onContext).chain(() -> outcomes.sent(claim, null));
                })
                .onFailure()
                .recoverWithUni(failure -> outcomes.failed(claim, failure).emitOn(onContext));
    }

    private Uni<Void> send(Claim claim) {
        return spans.run(
                "smtp send " + claim.templateId(),
                SpanKind.CLIENT,
                TraceContexts.parentOf(claim.traceparent(), null).orElseGet(io.opentelemetry.context.Context::root),
                Attributes.of(DELIVERY, claim.id().toString(), TEMPLATE, claim.templateId()),
                () -> mailer.send(build(claim))
                        .ifNoItem()
                        .after(config.sendTimeout())
                        .fail());
    }

    private Mail build(Claim claim) {
        RenderedMail rendered = renderer.render(claim.templateId(), claim.locale(), claim.parameters());
        Mail mail = Mail.withText(claim.recipient(), rendered.subject(), rendered.text())
                .setHtml(rendered.html())
                .setFrom(config.from())
                .addHeader("Message-ID", claim.messageId())
                // RFC 3834: an automatic mail; well-behaved auto-responders do not answer it.
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("X-Auto-Response-Suppress", "All")
                .addHeader("Content-Language", rendered.locale());
        if (claim.replyTo() != null) {
            mail.setReplyTo(claim.replyTo());
        }
        if (claim.inReplyTo() != null) {
            // RFC 5322 3.6.4: the answer to the person's mail, so their client files it in the same conversation.
            mail.addHeader("In-Reply-To", claim.inReplyTo()).addHeader("References", claim.inReplyTo());
        }
        journal.address().ifPresent(mail::addBcc);
        return mail;
    }

    /** The journal could not be read: whether the last attempt went out is unknown, so the mail waits. */
    static final class JournalUnavailableException extends RuntimeException {
        JournalUnavailableException(Throwable cause) {
            super(
                    "the journal cannot be read, so the previous attempt's fate is unknown: " + cause.getMessage(),
                    cause);
        }
    }
}
