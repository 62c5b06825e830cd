package org.modhub.moderation.review.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.review.domain.LedgerFeeds;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Kafka adapter for {@code dmca.events}: takedowns and restorations become ledger decisions, once each. */
@ApplicationScoped
public class DmcaEventsConsumer {

    public static final String CHANNEL = "dmca-events";
    static final String CONSUMER = "review.dmca-events";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final LedgerFeeds feeds;

    public DmcaEventsConsumer(IdempotentConsumer consumer, EventCodec codec, LedgerFeeds feeds) {
        this.consumer = consumer;
        this.codec = codec;
        this.feeds = feeds;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(String value) {
        return consumer.consume(CONSUMER, value, envelope -> switch (envelope.type()) {
            case TakedownOrdered.TYPE -> feeds.takedown(codec.data(envelope, TakedownOrdered.class));
            case ContentRestored.TYPE -> feeds.restored(codec.data(envelope, ContentRestored.class));
            default -> Uni.createFrom().voidItem();
        });
    }
}
