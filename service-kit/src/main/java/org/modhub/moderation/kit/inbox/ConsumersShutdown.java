package org.modhub.moderation.kit.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.impl.ReactiveKafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * At shutdown, every Kafka consumer of the service leaves its group at the same time. The connector closes them one
 * after another, and each close waits about a second for the group coordinator's answer to its leave: appeals-service,
 * with 11 consumers, took 10-11 s from SIGTERM to exit. Closed here together, before the connector gets to them (it
 * then finds them closed), the stop waits for one of those seconds. What was not committed is delivered again to the
 * next consumer and deduplicated by the inbox, as after a crash.
 */
@ApplicationScoped
public class ConsumersShutdown {

    private final Instance<KafkaClientService> clients;

    public ConsumersShutdown(Instance<KafkaClientService> clients) {
        this.clients = clients;
    }

    void closeAll(@Observes ShutdownEvent stopping) {
        if (!clients.isResolvable()) {
            return;
        }
        KafkaClientService service = clients.get();
        List<ReactiveKafkaConsumer<?, ?>> consumers = new ArrayList<>();
        for (String channel : service.getConsumerChannels()) {
            for (KafkaConsumer<Object, Object> consumer : service.<Object, Object>getConsumers(channel)) {
                if (consumer instanceof ReactiveKafkaConsumer<?, ?> reactive) {
                    consumers.add(reactive);
                }
            }
        }
        long started = System.nanoTime();
        // close() blocks until the consumer's polling thread has closed it; one virtual thread each, all awaited.
        try (ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor()) {
            consumers.forEach(consumer -> closing.submit(() -> {
                try {
                    consumer.close();
                } catch (RuntimeException e) {
                    Log.debugf("A Kafka consumer did not close cleanly: %s", e.toString());
                }
            }));
        }
        Log.debugf("Closed %d Kafka consumers in %d ms", consumers.size(), (System.nanoTime() - started) / 1_000_000);
    }
}
