package org.modhub.moderation.review.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.reporting.NotifierSuspended;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.reporting.ReportWithdrawn;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.review.domain.CaseIntake;
import org.modhub.moderation.review.transparency.TransparencyFacts;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code reporting.events}: a filed report joins or opens its subject's case, a
 * withdrawn one stops counting; a notifier's suspension (Art. 23(2)) is a transparency fact. Keyed by subject, so one subject's reports arrive in order on one
 * partition; each event is applied once; other types are not this service's concern.
 */
@ApplicationScoped
public class ReportingEventsConsumer {

    public static final String CHANNEL = "reporting-events";
    static final String CONSUMER = "review.reporting-events";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final CaseIntake intake;
    private final TransparencyFacts facts;

    public ReportingEventsConsumer(
            IdempotentConsumer consumer, EventCodec codec, CaseIntake intake, TransparencyFacts facts) {
        this.consumer = consumer;
        this.codec = codec;
        this.intake = intake;
        this.facts = facts;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(String value, IncomingKafkaRecordMetadata<String, String> record) {
        return consumer.consume(
                CONSUMER,
                record.getTopic(),
                value,
                Map.of(
                        ReportFiled.TYPE, envelope -> intake.addReport(codec.data(envelope, ReportFiled.class)),
                        ReportWithdrawn.TYPE,
                                envelope -> intake.withdrawReport(codec.data(envelope, ReportWithdrawn.class)),
                        NotifierSuspended.TYPE,
                                envelope -> facts.notifierSuspended(codec.data(envelope, NotifierSuspended.class))));
    }
}
