package org.modhub.moderation.kit.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The consumers' counters by the topic an event was read from: {@code kit_consumer_poison_total},
 * {@code kit_consumer_dead_lettered_total} and {@code kit_consumer_duplicates_total}. Every topic a channel of this
 * service reads ({@code mp.messaging.incoming.<channel>.topic}) has them at 0 from the start, so Prometheus's
 * {@code increase()} sees the first dead letter of a fresh pod (the EventsDeadLettered alert) and dashboards show 0,
 * not nothing.
 */
@ApplicationScoped
public class ConsumerMeters {

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public ConsumerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void registerTopics(@Observes StartupEvent start, Config config) {
        for (String name : config.getPropertyNames()) {
            Matcher m = INCOMING_TOPIC.matcher(name);
            if (m.matches()) {
                config.getOptionalValue(name, String.class).ifPresent(topic -> {
                    poison(topic);
                    deadLettered(topic);
                    duplicates(topic);
                });
            }
        }
    }

    /** Records no consumer could read (not a CloudEvent, or not one of ours). */
    public Counter poison(String topic) {
        return counter("kit.consumer.poison", "Unreadable records, sent to the dead-letter topic", topic);
    }

    /** Events sent to the dead-letter topic after their handler failed every attempt. */
    public Counter deadLettered(String topic) {
        return counter(
                "kit.consumer.dead-lettered", "Events sent to the dead-letter topic after every attempt failed", topic);
    }

    /** Events delivered again and skipped, because this service had applied them before. */
    public Counter duplicates(String topic) {
        return counter("kit.consumer.duplicates", "Redelivered events skipped as applied before", topic);
    }

    private Counter counter(String name, String description, String topic) {
        return counters.computeIfAbsent(
                name + '|' + topic,
                key -> Counter.builder(name)
                        .description(description)
                        .tag("topic", topic)
                        .register(registry));
    }
}
