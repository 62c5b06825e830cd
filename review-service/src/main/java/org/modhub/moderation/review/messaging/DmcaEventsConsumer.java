package org.modhub.moderation.review.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.CounterNoticeReceived;
import org.modhub.moderation.contracts.event.dmca.CourtActionReported;
import org.modhub.moderation.contracts.event.dmca.NoticeReceived;
import org.modhub.moderation.contracts.event.dmca.StrikeRecorded;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.review.domain.LedgerFeeds;
import org.modhub.moderation.review.domain.RepeatInfringers;
import org.modhub.moderation.review.transparency.TransparencyFacts;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code dmca.events}: takedowns and restorations become ledger decisions, once each;
 * notices, counter-notices, court actions and restorations become transparency facts; a strike at the
 * repeat-infringer threshold opens (or adds to) a case recommending the account's termination.
 */
@ApplicationScoped
public class DmcaEventsConsumer {

    public static final String CHANNEL = "dmca-events";
    static final String CONSUMER = "review.dmca-events";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final LedgerFeeds feeds;
    private final TransparencyFacts facts;
    private final RepeatInfringers repeatInfringers;

    public DmcaEventsConsumer(
            IdempotentConsumer consumer,
            EventCodec codec,
            LedgerFeeds feeds,
            TransparencyFacts facts,
            RepeatInfringers repeatInfringers) {
        this.consumer = consumer;
        this.codec = codec;
        this.feeds = feeds;
        this.facts = facts;
        this.repeatInfringers = repeatInfringers;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(String value, IncomingKafkaRecordMetadata<String, String> record) {
        return consumer.consume(
                CONSUMER,
                record.getTopic(),
                value,
                Map.of(
                        TakedownOrdered.TYPE, envelope -> feeds.takedown(codec.data(envelope, TakedownOrdered.class)),
                        ContentRestored.TYPE,
                                envelope -> {
                                    ContentRestored restored = codec.data(envelope, ContentRestored.class);
                                    return feeds.restored(restored).chain(() -> facts.contentRestored(restored));
                                },
                        NoticeReceived.TYPE,
                                envelope -> facts.noticeReceived(codec.data(envelope, NoticeReceived.class)),
                        CounterNoticeReceived.TYPE,
                                envelope ->
                                        facts.counterNoticeReceived(codec.data(envelope, CounterNoticeReceived.class)),
                        CourtActionReported.TYPE,
                                envelope -> facts.courtActionReported(codec.data(envelope, CourtActionReported.class)),
                        StrikeRecorded.TYPE,
                                envelope ->
                                        repeatInfringers.strikeRecorded(codec.data(envelope, StrikeRecorded.class))));
    }
}
