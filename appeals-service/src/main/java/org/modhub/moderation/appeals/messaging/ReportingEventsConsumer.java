package org.modhub.moderation.appeals.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.appeals.domain.DecisionCopies;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code reporting.events}: {@code ReportFiled} tells who filed each report, since
 * {@code DecisionTaken} names only the reports. That is how a notifier is recognised as a party to
 * a decision. Other types are skipped.
 */
@ApplicationScoped
public class ReportingEventsConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "reporting-events";
    static final String CONSUMER = "appeals.reporting-events";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final DecisionCopies copies;

    public ReportingEventsConsumer(IdempotentConsumer consumer, EventCodec codec, DecisionCopies copies) {
        this.consumer = consumer;
        this.codec = codec;
        this.copies = copies;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(String value) {
        return consumer.consume(CONSUMER, value, Map.of(
                ReportFiled.TYPE, envelope -> copies.reportFiled(codec.data(envelope, ReportFiled.class))));
    }
}
