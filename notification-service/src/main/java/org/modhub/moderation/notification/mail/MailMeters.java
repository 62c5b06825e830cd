package org.modhub.moderation.notification.mail;

import java.util.ArrayList;
import java.util.List;

import org.modhub.moderation.notification.config.NotificationConfig;
import org.modhub.moderation.notification.domain.InboundService;
import org.modhub.moderation.notification.domain.Suppressions;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The mail counters at 0 from the start, for every mailbox and outcome: the alerts' {@code increase()} sees the first
 * failure of a fresh pod, and the dashboards show 0 rather than nothing. The places that count them use the same
 * names and tags.
 */
@ApplicationScoped
class MailMeters {

    void register(@Observes StartupEvent start, NotificationConfig config, MeterRegistry registry) {
        List<String> mailboxes = new ArrayList<>(config.inbound().mailboxes().keySet());
        config.inbound().bounces().ifPresent(box -> mailboxes.add(InboxPoller.BOUNCES));
        for (String mailbox : mailboxes) {
            registry.counter("notification.inbound.poll_failures", "mailbox", mailbox);
            registry.counter("notification.inbound.quarantined", "mailbox", mailbox);
            for (InboundService.Outcome outcome : InboundService.Outcome.values()) {
                registry.counter("notification.inbound.handled", "mailbox", mailbox, "outcome", outcome.name());
            }
        }
        registry.counter("notification.mail.failures", "permanent", "true");
        registry.counter("notification.mail.failures", "permanent", "false");
        registry.counter("notification.mail.suppressed", "reason", Suppressions.BOUNCED);
        registry.counter("notification.mail.rate_limited");
    }
}
