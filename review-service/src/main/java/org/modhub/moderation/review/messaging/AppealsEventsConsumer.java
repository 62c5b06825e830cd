package org.modhub.moderation.review.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.review.domain.LedgerFeeds;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Kafka adapter for {@code appeals.events}: a reversed or modified appeal changes the ledger, once. */
@ApplicationScoped
public class AppealsEventsConsumer {

    public static final String CHANNEL = "appeals-events";
    static final String CONSUMER = "review.appeals-events";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final LedgerFeeds feeds;

    public AppealsEventsConsumer(IdempotentConsumer consumer, EventCodec codec, LedgerFeeds feeds) {
        this.consumer = consumer;
        this.codec = codec;
        this.feeds = feeds;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(String value) {
        return consumer.consume(CONSUMER, value, envelope -> AppealResolved.TYPE.equals(envelope.type())
                ? feeds.appealResolved(codec.data(envelope, AppealResolved.class))
                : Uni.createFrom().voidItem());
    }
}
