package org.modhub.moderation.kit.mail;

import java.time.Clock;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.kit.config.KitConfig;
import org.modhub.moderation.kit.outbox.Outbox;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way a service asks notification-service for a mail: a {@code NotificationRequested}
 * through the outbox, in the caller's transaction, so the mail is asked for if and only if the
 * change it reports commits. Which template, to whom and on which thread is the service's business;
 * how the request is made is this class's.
 */
@ApplicationScoped
public class MailRequests {

    private final Outbox outbox;
    private final Clock clock;
    private final String locale;
    private final String source;

    public MailRequests(
            Outbox outbox,
            Clock clock,
            KitConfig config,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.outbox = outbox;
        this.clock = clock;
        this.locale = config.mail().locale();
        this.source = "/modhub/moderation/" + service;
    }

    /** Queues the mail; nothing when the person has no address (the hub shows them the news in-app). */
    public Uni<Void> send(MailRequest mail) {
        if (mail.email() == null) {
            Log.infof(
                    "No mail address for user %s; %s not mailed",
                    mail.userId(), mail.template().id());
            return Uni.createFrom().voidItem();
        }
        String once = mail.idempotencyKey() != null
                ? mail.idempotencyKey()
                : mail.template().id() + ":" + mail.threadKey() + ":" + mail.email();
        NotificationRequested request = NotificationRequested.of(
                mail.template(),
                mail.email(),
                mail.userId(),
                mail.locale() != null ? mail.locale() : locale,
                mail.parameters(),
                mail.threadKey(),
                mail.replyMailbox(),
                once,
                clock.instant());
        return outbox.publish(Topics.NOTIFICATION_REQUESTS, source, threaded(request, mail.inReplyTo()))
                .replaceWithVoid();
    }

    /**
     * The request answering {@code messageId}, or unthreaded when the Message-ID came from outside in a form a header
     * cannot carry: that costs the threading, never the mail (nor the change in the same transaction).
     */
    static NotificationRequested threaded(NotificationRequested request, String messageId) {
        if (messageId == null) {
            return request;
        }
        try {
            return request.inReplyTo(messageId.strip());
        } catch (IllegalArgumentException e) {
            Log.debugf("Not threading %s to Message-ID %s: %s", request.templateId(), messageId, e.getMessage());
            return request;
        }
    }
}
