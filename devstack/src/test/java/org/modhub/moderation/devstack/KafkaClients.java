package org.modhub.moderation.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain string clients against the stack's broker. */
final class KafkaClients {

    private KafkaClients() {}

    /** Sends and waits for the broker's acknowledgement (acks=all, as the services' relays do). */
    static void send(KafkaServer kafka, String topic, String key, String value) throws Exception {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static KafkaConsumer<String, String> consumer(KafkaServer kafka, String group) {
        return consumer(kafka.clientConfig(), group);
    }

    static KafkaConsumer<String, String> consumer(Map<String, Object> clientConfig, String group) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Polls until a record with {@code value} arrives (or the timeout passes); commits what it read. */
    static List<ConsumerRecord<String, String>> pollUntil(
            KafkaConsumer<String, String> consumer, String value, Duration timeout) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && received.stream().noneMatch(r -> value.equals(r.value()))) {
            consumer.poll(Duration.ofMillis(250)).forEach(received::add);
        }
        consumer.commitSync();
        return received;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
