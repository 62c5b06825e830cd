package org.modhub.moderation.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.modhub.moderation.devstack.MailServer;

/**
 * The infrastructure's own hops, the baselines of the pipeline's latencies (issue 27), from the bench JVM in the same
 * run: a Kafka produce → consume round trip on the suite's broker (acks=all, one partition, a consumer polling in its
 * own thread), and an SMTP send to the suite's mail server with the Jakarta Mail client the driver uses. Both paced
 * at a steady rate (open model); times in ms.
 */
final class Hops {

    static final String TOPIC = "bench.hops";

    private Hops() {}

    /** {@code records} records at {@code rate} a second: p50/p99 of send → received by the consumer. */
    static Percentiles kafkaRoundTrip(Stack stack, int records, double rate) throws Exception {
        stack.dev().kafka().createTopics(Map.of(TOPIC, 1));
        Map<String, Object> consumerConfig = new HashMap<>(stack.dev().kafka().clientConfig());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-hops");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> producerConfig = new HashMap<>(stack.dev().kafka().clientConfig());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread consumer = Thread.ofPlatform().name("bench-hops-consumer").start(() -> {
            try (KafkaConsumer<String, String> c =
                    new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
                TopicPartition partition = new TopicPartition(TOPIC, 0);
                c.assign(List.of(partition));
                c.seekToEnd(List.of(partition));
                c.position(partition);
                ready.countDown();
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(100))) {
                        latencies.add((System.nanoTime() - Long.parseLong(record.value())) / 1e6);
                    }
                }
            }
        });
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the hop consumer did not get its partition in 30 s");
            }
            // One record unmeasured first: the producer's metadata and connection, as the services' are warm.
            producer.send(new ProducerRecord<>(TOPIC, "warm", Long.toString(System.nanoTime())))
                    .get(10, TimeUnit.SECONDS);
            Stack.sleep(500);
            latencies.clear();
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                pace(start, i, rate);
                producer.send(new ProducerRecord<>(TOPIC, "hop-" + i, Long.toString(System.nanoTime())));
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (latencies.size() < records && System.nanoTime() < deadline) {
                Stack.sleep(50);
            }
        } finally {
            stop.set(true);
            consumer.join(10_000);
        }
        return Percentiles.of(new ArrayList<>(latencies));
    }

    /** {@code mails} plain mails at {@code rate} a second: p50/p99 of one send until the server accepted it. */
    static Percentiles smtpSend(Stack stack, int mails, double rate) {
        MailServer mail = stack.dev().mail();
        mail.send(mail.sender(), "bench-hop@example.org", "warm-up", "unmeasured");
        List<Double> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < mails; i++) {
            pace(start, i, rate);
            long sent = System.nanoTime();
            mail.send(
                    mail.sender(),
                    "bench-hop@example.org",
                    "Benchmark hop " + i,
                    "A mail of the SMTP baseline: the server's own time to accept one.");
            latencies.add((System.nanoTime() - sent) / 1e6);
        }
        return Percentiles.of(latencies);
    }

    private static void pace(long start, int i, double rate) {
        long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
        if (wait > 0) {
            Stack.sleep(wait / 1_000_000);
        }
    }
}
