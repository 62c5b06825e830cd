package org.modhub.moderation.e2e;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a consumer applied the events of one subject in the order they were published. The producer's outbox gives
 * the order (its id, per message key: the relay publishes in id order and Kafka keeps a key's order); the consumer's
 * inbox ({@code kit_processed_event}) says when each was applied. Two events of one key applied the other way round
 * are an inversion, whichever replica or consumer thread applied them.
 */
final class EventOrder {

    private final Hub hub;

    EventOrder(Hub hub) {
        this.hub = hub;
    }

    /** What one check found: keys with two or more events, events compared, inversions (a few examples). */
    record Result(int keys, int events, List<String> inversions) {}

    /**
     * The events {@code producer} published on {@code topic} since {@code since} under a key with at least two
     * events, against their application by each consumer of {@code consumerService}.
     */
    Result check(String producer, String topic, String consumerService, Instant since) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (List<Object> row : hub.sql(
                producer,
                "SELECT message_key, event_id FROM kit_outbox WHERE topic = ? AND created_at >= ? "
                        + "AND message_key IN (SELECT message_key FROM kit_outbox WHERE topic = ? AND created_at >= ? "
                        + "GROUP BY message_key HAVING count(*) > 1) ORDER BY message_key, id",
                topic,
                Timestamp.from(since),
                topic,
                Timestamp.from(since))) {
            byKey.computeIfAbsent((String) row.get(0), k -> new ArrayList<>()).add((String) row.get(1));
        }
        Map<String, Map<String, Instant>> appliedByConsumer = new HashMap<>();
        for (List<Object> row : hub.sql(
                consumerService,
                "SELECT consumer, event_id, processed_at FROM kit_processed_event WHERE processed_at >= ?",
                Timestamp.from(since))) {
            appliedByConsumer
                    .computeIfAbsent((String) row.get(0), c -> new HashMap<>())
                    .put((String) row.get(1), ((Timestamp) row.get(2)).toInstant());
        }
        List<String> inversions = new ArrayList<>();
        int compared = 0;
        for (var consumer : appliedByConsumer.entrySet()) {
            for (var key : byKey.entrySet()) {
                Instant previous = null;
                String previousId = null;
                for (String eventId : key.getValue()) {
                    Instant applied = consumer.getValue().get(eventId);
                    if (applied == null) {
                        continue; // not this consumer's event
                    }
                    compared++;
                    if (previous != null && applied.isBefore(previous)) {
                        inversions.add(consumer.getKey() + " applied " + eventId + " of key " + key.getKey() + " at "
                                + applied + ", before " + previousId + " published earlier (applied " + previous
                                + ")");
                    }
                    previous = applied;
                    previousId = eventId;
                }
            }
        }
        return new Result(byKey.size(), compared, inversions);
    }
}
