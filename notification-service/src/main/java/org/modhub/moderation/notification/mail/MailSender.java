package org.modhub.moderation.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.modhub.moderation.kit.timer.Ticker;
import org.modhub.moderation.notification.config.NotificationConfig;
import org.modhub.moderation.notification.domain.DeliveryStatus;
import org.modhub.moderation.notification.domain.Suppressions;
import org.modhub.moderation.notification.domain.ThreadTokens;
import org.modhub.moderation.notification.persistence.MailDeliveryEntity;
import org.modhub.moderation.notification.persistence.MailDeliveryRepository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.SMTPException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends queued mail. Each mail is claimed in its own transaction ({@code FOR UPDATE SKIP LOCKED}, status SENDING with
 * a lease) and that claim is committed before the SMTP conversation starts; the outcome is recorded in a second
 * transaction. A transient failure is retried with exponential backoff, a permanent one (5xx) is recorded and stops.
 * Every attempt after the first, and every claim whose lease lapsed (the sender died mid-way), first asks the
 * {@link Journal} whether the previous attempt reached the server; only if it did not is the mail sent again.
 */
@ApplicationScoped
public class MailSender {

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {
    };

    private static final String ANY_DUE = "SELECT 1 FROM mail_delivery WHERE (status = 'QUEUED' AND next_attempt_at <= $1) "
            + "OR (status = 'SENDING' AND lease_until < $1) LIMIT 1";

    private static final String RECORD_SENT = "UPDATE mail_delivery SET status = 'SENT', sent_at = $1, updated_at = $1, "
            + "lease_until = NULL, next_attempt_at = NULL, last_error = $2 WHERE id = $3 AND status = 'SENDING' AND attempts = $4";

    private final MailDeliveryRepository deliveries;
    private final Pool pool;
    private final TemplateRenderer renderer;
    private final ThreadTokens threads;
    private final Suppressions suppressions;
    private final Journal journal;
    private final ReactiveMailer mailer;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final MeterRegistry registry;
    private final NotificationConfig.Outbound config;
    private final Map<String, NotificationConfig.Mailbox> mailboxes;
    private final List<Ticker> tickers = new java.util.concurrent.CopyOnWriteArrayList<>();

    public MailSender(MailDeliveryRepository deliveries, TemplateRenderer renderer, ThreadTokens threads,
            Suppressions suppressions, Journal journal, ReactiveMailer mailer, ObjectMapper mapper, Clock clock,
            MeterRegistry registry, NotificationConfig config, Pool pool) {
        this.deliveries = deliveries;
        this.pool = pool;
        this.renderer = renderer;
        this.threads = threads;
        this.suppressions = suppressions;
        this.journal = journal;
        this.mailer = mailer;
        this.mapper = mapper;
        this.clock = clock;
        this.registry = registry;
        this.config = config.outbound();
        this.mailboxes = config.inbound().mailboxes();
    }

    /** What a sender needs of a claimed row, read inside the claiming transaction. */
    record Claim(UUID id, String recipient, String messageId, String templateId, String locale, String parameters,
            String replyTo, String inReplyTo, int attempts, boolean interrupted) {

        /** A row looked at but not to be sent now (suppressed or rate limited). */
        static final Claim SKIPPED = new Claim(null, null, null, null, null, null, null, null, 0, false);
    }

    /**
     * One SMTP conversation at a time was the sender's limit (about 20 mails/s here), so {@code concurrency} lanes
     * send side by side, each on its own ticker and Vert.x context, each claiming its own rows (SKIP LOCKED).
     */
    void start(@Observes StartupEvent started, Vertx vertx) {
        for (int lane = 1; lane <= Math.max(1, config.concurrency()); lane++) {
            tickers.add(Ticker.start(vertx, "Mail sender lane " + lane, config.pollEvery(), this::tick));
        }
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
        return Uni.createFrom().completionStage(() -> pool.preparedQuery(ANY_DUE).execute(Tuple.of(now)).toCompletionStage())
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem() : sendDue(0).replaceWithVoid());
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "mail-journal-purge")
    Uni<Void> purgeJournal() {
        return purgeOldJournalCopies().replaceWithVoid();
    }

    /** Drops old journal copies, keeping those of deliveries a retry may still look up; emits how many went. */
    public Uni<Integer> purgeOldJournalCopies() {
        if (!journal.enabled()) {
            return Uni.createFrom().item(0);
        }
        return Panache.withSession(deliveries::unresolvedMessageIds)
                .chain(unresolved -> Uni.createFrom().item(() -> journal.purgeOld(Set.copyOf(unresolved)))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .invoke(deleted -> Log.debugf("Purged %d old journal copies", deleted));
    }

    private Uni<Integer> sendDue(int done) {
        if (done >= config.batchSize()) {
            return Uni.createFrom().item(done);
        }
        Context context = Vertx.currentContext();
        return claimNext().chain(claim -> claim == null
                ? Uni.createFrom().item(done)
                : claim == Claim.SKIPPED ? sendDue(done + 1)
                        : deliver(claim, context).onFailure().recoverWithNull().chain(() -> sendDue(done + 1)));
    }

    /** Claims the next due mail (or one whose sender died), applying suppression and the rate limit on the way. */
    Uni<Claim> claimNext() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT * FROM mail_delivery WHERE (status = 'QUEUED' AND next_attempt_at <= :now) "
                        + "OR (status = 'SENDING' AND lease_until < :now) ORDER BY next_attempt_at NULLS FIRST, created_at "
                        + "LIMIT 1 FOR UPDATE SKIP LOCKED", MailDeliveryEntity.class)
                        .setParameter("now", now).getResultList())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().nullItem() : claim(rows.get(0), now)));
    }

    private Uni<Claim> claim(MailDeliveryEntity row, Instant now) {
        boolean interrupted = row.status == DeliveryStatus.SENDING;
        if (interrupted) {
            Log.warnf("Delivery %s was interrupted while sending (lease lapsed); checking before sending again", row.id);
        }
        Instant since = now.minus(config.rateLimit().window());
        // Lanes claim side by side: the claims of one recipient take turns, so each counts the other's SENDING row
        // (the count is a later statement, so its snapshot sees what the previous holder committed).
        return suppressions.isSuppressedAfterTurn(row.recipient).chain(suppressed -> {
            if (suppressed) {
                row.status = DeliveryStatus.SUPPRESSED;
                row.lastError = "address suppressed after a hard bounce";
                row.updatedAt = now;
                row.leaseUntil = null;
                return Uni.createFrom().item(Claim.SKIPPED);
            }
            Uni<Long> recent = interrupted ? Uni.createFrom().item(0L) : deliveries.countSentOrSendingSince(row.recipient, since, row.id);
            return recent.chain(count -> {
                if (count >= config.rateLimit().maxPerRecipient()) {
                    return deliveries.oldestSentSince(row.recipient, since).chain(oldest -> {
                        Instant retry = oldest == null ? now.plus(config.initialBackoff())
                                : oldest.sentAt.plus(config.rateLimit().window()).plusMillis(1);
                        row.nextAttemptAt = retry;
                        row.lastError = "rate limited: " + count + " mails to this address within " + config.rateLimit().window()
                                + "; next attempt at " + retry;
                        row.updatedAt = now;
                        registry.counter("notification.mail.rate_limited").increment();
                        return Uni.createFrom().item(Claim.SKIPPED);
                    });
                }
                row.status = DeliveryStatus.SENDING;
                row.attempts = row.attempts + 1;
                row.leaseUntil = now.plus(config.lease());
                row.updatedAt = now;
                return threads.tokenFor(row.threadKey, now).map(token -> new Claim(row.id, row.recipient, row.messageId,
                        row.templateId, row.locale, row.parameters, replyTo(row.replyMailbox, token), row.inReplyTo, row.attempts,
                        interrupted));
            });
        });
    }

    private String replyTo(String mailbox, String token) {
        NotificationConfig.Mailbox box = mailboxes.get(mailbox);
        return box == null ? null : ThreadTokens.replyAddress(box.address(), token);
    }

    private Uni<Void> deliver(Claim claim, Context context) {
        Executor onContext = context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
        // A previous attempt may have reached the server although we never heard back: ask the journal first.
        Uni<Boolean> sentBefore = (claim.attempts() > 1 || claim.interrupted()) && journal.enabled()
                ? Uni.createFrom().item(() -> {
                    try {
                        return journal.contains(claim.messageId());
                    } catch (jakarta.mail.MessagingException e) {
                        throw new JournalUnavailableException(e);
                    }
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(onContext)
                : Uni.createFrom().item(false);
        return sentBefore.chain(sent -> {
            if (sent) {
                Log.infof("Delivery %s had reached the server before; recorded as sent without sending again", claim.id());
                return recordSent(claim, "confirmed by the journal after an interrupted attempt");
            }
            Mail mail = build(claim);
            return mailer.send(mail)
                    .ifNoItem().after(config.sendTimeout()).fail()
                    .emitOn(onContext)
                    .chain(() -> recordSent(claim, null));
        }).onFailure().recoverWithUni(failure -> recordFailure(claim, failure).emitOn(onContext));
    }

    private Mail build(Claim claim) {
        Map<String, String> parameters;
        try {
            parameters = mapper.readValue(claim.parameters(), PARAMETERS);
        } catch (Exception e) {
            throw new TemplateException("parameters", "stored parameters unreadable: " + e.getMessage());
        }
        RenderedMail rendered = renderer.render(claim.templateId(), claim.locale(), parameters);
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

    /**
     * One statement on the bare pool (it commits on its own): the row changes only if it is still this attempt's claim,
     * as a lapsed lease may have handed the mail to another lane.
     */
    private Uni<Void> recordSent(Claim claim, String note) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return Uni.createFrom().completionStage(() -> pool.preparedQuery(RECORD_SENT)
                .execute(Tuple.of(now, note, claim.id(), claim.attempts())).toCompletionStage())
                .invoke(result -> {
                    if (result.rowCount() == 1) {
                        registry.counter("notification.mail.sent", "template", claim.templateId()).increment();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> recordFailure(Claim claim, Throwable failure) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SMTPException smtp = smtpCause(failure);
        boolean permanent = failure instanceof TemplateException || (smtp != null && smtp.isPermanent());
        String reason = describe(failure, smtp);
        return Panache.withTransaction(() -> deliveries.findById(claim.id()).chain(row -> {
            if (row == null || row.status != DeliveryStatus.SENDING || row.attempts != claim.attempts()) {
                return Uni.createFrom().voidItem();
            }
            row.updatedAt = now;
            row.leaseUntil = null;
            row.lastError = reason;
            registry.counter("notification.mail.failures", "permanent", Boolean.toString(permanent)).increment();
            if (permanent || row.attempts >= config.maxAttempts()) {
                row.status = DeliveryStatus.FAILED;
                row.nextAttemptAt = null;
                Log.errorf("Delivery %s failed for good after %d attempt(s): %s", row.id, row.attempts, reason);
                if (smtp != null && hardBounce(smtp)) {
                    return suppressions.suppress(row.recipient, "refused by the SMTP server: " + reason, row.id, now);
                }
                return Uni.createFrom().voidItem();
            }
            row.status = DeliveryStatus.QUEUED;
            row.nextAttemptAt = now.plus(backoff(row.attempts));
            Log.warnf("Delivery %s failed (attempt %d), retrying at %s: %s", row.id, row.attempts, row.nextAttemptAt, reason);
            return Uni.createFrom().voidItem();
        }));
    }

    Duration backoff(int attempts) {
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    /** 550/551/553 and enhanced 5.1.x: the mailbox does not exist or is not accepted. */
    private static boolean hardBounce(SMTPException smtp) {
        int code = smtp.getReplyCode();
        String message = String.valueOf(smtp.getReplyMessage());
        return code == 550 || code == 551 || code == 553 || message.matches("(?s).*\\b5\\.1\\.\\d+.*");
    }

    private static SMTPException smtpCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private static String describe(Throwable failure, SMTPException smtp) {
        String text = smtp != null ? "SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessages()
                : failure instanceof io.smallrye.mutiny.TimeoutException ? "no answer from the SMTP server in time"
                        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    /** The journal could not be read: whether the last attempt went out is unknown, so the mail waits. */
    static final class JournalUnavailableException extends RuntimeException {
        JournalUnavailableException(Throwable cause) {
            super("the journal cannot be read, so the previous attempt's fate is unknown: " + cause.getMessage(), cause);
        }
    }

    /** For tests and the staff view: ids of deliveries in a state. */
    public Uni<List<MailDeliveryEntity>> inState(DeliveryStatus status) {
        return deliveries.list("status", status);
    }
}
