package org.modhub.moderation.review.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.appeals.AppealFiled;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.appeals.AppellantSuspended;
import org.modhub.moderation.contracts.event.appeals.DisputeRecorded;
import org.modhub.moderation.contracts.event.appeals.DisputeSettled;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.review.domain.LedgerFeeds;
import org.modhub.moderation.review.transparency.TransparencyFacts;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code appeals.events}: a reversed or modified appeal, and an out-of-court dispute settled for
 * the recipient and implemented, change the ledger, once;
 * appeals, appellants' suspensions and out-of-court disputes become transparency facts.
 */
@ApplicationScoped
public class AppealsEventsConsumer {

    public static final String CHANNEL = "appeals-events";
    static final String CONSUMER = "review.appeals-events";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final LedgerFeeds feeds;
    private final TransparencyFacts facts;

    public AppealsEventsConsumer(
            IdempotentConsumer consumer, EventCodec codec, LedgerFeeds feeds, TransparencyFacts facts) {
        this.consumer = consumer;
        this.codec = codec;
        this.feeds = feeds;
        this.facts = facts;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(String value, IncomingKafkaRecordMetadata<String, String> record) {
        return consumer.consume(
                CONSUMER,
                record.getTopic(),
                value,
                Map.of(
                        AppealResolved.TYPE,
                                envelope -> {
                                    AppealResolved resolved = codec.data(envelope, AppealResolved.class);
                                    return feeds.appealResolved(resolved).chain(() -> facts.appealResolved(resolved));
                                },
                        AppealFiled.TYPE, envelope -> facts.appealFiled(codec.data(envelope, AppealFiled.class)),
                        AppellantSuspended.TYPE,
                                envelope -> facts.appellantSuspended(codec.data(envelope, AppellantSuspended.class)),
                        DisputeRecorded.TYPE,
                                envelope -> facts.disputeRecorded(codec.data(envelope, DisputeRecorded.class)),
                        DisputeSettled.TYPE,
                                envelope -> {
                                    DisputeSettled settled = codec.data(envelope, DisputeSettled.class);
                                    return feeds.disputeSettled(settled).chain(() -> facts.disputeSettled(settled));
                                }));
    }
}
