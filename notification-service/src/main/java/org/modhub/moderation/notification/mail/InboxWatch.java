package org.modhub.moderation.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.modhub.moderation.notification.config.NotificationConfig;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What an operator needs to see of each mailbox the gateway reads, by the service clock at the scrape:
 * {@code notification_inbound_last_success_age_seconds{mailbox}} (since the last poll that completed, or since the
 * start) and {@code notification_inbound_oldest_unprocessed_seconds{mailbox}} (the oldest message, by the date the
 * server received it, still in the inbox after the last poll that could look; 0 when none). A mailbox whose polls
 * keep failing (a rotated password, a folder gone, a mail the database refuses) shows in the first; a message the
 * gateway leaves behind in the second. The series exist from the start, for every configured mailbox.
 */
@ApplicationScoped
public class InboxWatch {

    private final Clock clock;
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();

    public InboxWatch(NotificationConfig config, Clock clock, MeterRegistry registry) {
        this.clock = clock;
        Instant start = clock.instant();
        List<String> names = new ArrayList<>(config.inbound().mailboxes().keySet());
        config.inbound().bounces().ifPresent(box -> names.add(InboxPoller.BOUNCES));
        for (String name : names) {
            Mailbox mailbox = new Mailbox(start);
            mailboxes.put(name, mailbox);
            Gauge.builder("notification.inbound.last_success_age_seconds", mailbox, m -> secondsSince(m.lastSuccess))
                    .description("Seconds since the last poll of the mailbox that completed (since the start if none)")
                    .tag("mailbox", name)
                    .strongReference(true)
                    .register(registry);
            Gauge.builder(
                            "notification.inbound.oldest_unprocessed_seconds",
                            mailbox,
                            m -> m.oldestLeft == null ? 0 : secondsSince(m.oldestLeft))
                    .description(
                            "Age of the oldest message left in the mailbox's inbox after the last poll; 0 when none")
                    .tag("mailbox", name)
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** Registers the gauges at start, before the first poll. */
    void start(@Observes StartupEvent started) {
        // the constructor did it
    }

    /** A poll of {@code name} completed. */
    void polled(String name) {
        Mailbox mailbox = mailboxes.get(name);
        if (mailbox != null) {
            mailbox.lastSuccess = clock.instant();
        }
    }

    /** After a poll of {@code name}, the oldest message left in its inbox was received at {@code oldest} (null: none). */
    void left(String name, Instant oldest) {
        Mailbox mailbox = mailboxes.get(name);
        if (mailbox != null) {
            mailbox.oldestLeft = oldest;
        }
    }

    private double secondsSince(Instant then) {
        Duration age = Duration.between(then, clock.instant());
        return age.isNegative() ? 0 : age.toMillis() / 1000.0;
    }

    private static final class Mailbox {
        volatile Instant lastSuccess;
        volatile Instant oldestLeft;

        Mailbox(Instant start) {
            this.lastSuccess = start;
        }
    }
}
