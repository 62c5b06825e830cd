package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modhub.moderation.contracts.Topics;

/** What the fault test relies on: three brokers keep taking acks=all writes while one is killed, and take it back. */
class KafkaClusterTest {

    private static final String TOPIC = "cluster-test";

    @TempDir
    Path dir;

    @Test
    void aNodeKilledAndStartedAgainLeavesTheClusterServingAndRejoinsIt() throws Exception {
        // The other components are the shared stack's, as if external: only the cluster starts.
        Map<String, String> env = new HashMap<>(DevStack.shared().externalEnvironment());
        env.remove(DevStackEnv.KAFKA_BOOTSTRAP);
        Path logs = Path.of("target", "devstack", "kafka-cluster").toAbsolutePath();
        try (DevStack stack = DevStack.start(DevStackOptions.builder()
                        .env(env)
                        .databases(List.of())
                        .kafkaBrokers(3)
                        .kafkaDir(dir.resolve("kafka"))
                        .logDir(logs)
                        .build());
                Admin admin = stack.kafkaCluster().admin()) {
            KafkaCluster cluster = stack.kafkaCluster();
            assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
            assertThat(stack.config("reporting")).containsEntry("kafka.bootstrap.servers", cluster.bootstrapServers());
            assertThatThrownBy(stack::kafka).isInstanceOf(IllegalStateException.class);
            assertThat(logs.resolve("kafka-3.log")).isRegularFile();
            assertThat(nodeIds(admin)).containsExactlyInAnyOrder(1, 2, 3);
            cluster.createTopics(Map.of(TOPIC, 3));
            // Each node learns of a new topic a moment apart, and the admin client asks any of them.
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(partitions(admin, TOPIC, Topics.REPORTING_EVENTS))
                            .allSatisfy(p -> assertThat(p.replicas()).hasSize(3))
                            .allSatisfy(p -> assertThat(p.isr()).hasSize(3)));

            try (KafkaProducer<String, String> producer = producer(cluster);
                    KafkaConsumer<String, String> consumer =
                            KafkaClients.consumer(cluster.clientConfig(), KafkaClients.unique("cluster-group"))) {
                consumer.subscribe(List.of(TOPIC));
                String before = KafkaClients.unique("before");
                producer.send(new ProducerRecord<>(TOPIC, 0, "key", before)).get(30, TimeUnit.SECONDS);
                assertThat(values(KafkaClients.pollUntil(consumer, before, Duration.ofSeconds(20))))
                        .contains(before);

                // The leader of the partition written to: its followers must take over.
                int victim = leaderOfPartition0(admin);
                cluster.node(victim).kill();
                assertThat(cluster.node(victim).isRunning()).isFalse();

                String during = KafkaClients.unique("during");
                producer.send(new ProducerRecord<>(TOPIC, 0, "key", during)).get(30, TimeUnit.SECONDS);
                assertThat(values(KafkaClients.pollUntil(consumer, during, Duration.ofSeconds(30))))
                        .contains(during);
                assertThat(leaderOfPartition0(admin)).isNotEqualTo(victim);

                cluster.node(victim).start();
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .untilAsserted(() -> assertThat(partitions(admin, TOPIC, "__consumer_offsets"))
                                .allSatisfy(p -> assertThat(p.isr()).hasSize(3)));
                assertThat(nodeIds(admin)).containsExactlyInAnyOrder(1, 2, 3);
            }
        }
    }

    private static KafkaProducer<String, String> producer(KafkaCluster cluster) {
        Map<String, Object> config = cluster.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<Integer> nodeIds(Admin admin) throws Exception {
        return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream()
                .map(Node::id)
                .toList();
    }

    private static int leaderOfPartition0(Admin admin) throws Exception {
        return partitions(admin, TOPIC).stream()
                .filter(p -> p.partition() == 0)
                .findFirst()
                .orElseThrow()
                .leader()
                .id();
    }

    private static List<TopicPartitionInfo> partitions(Admin admin, String... topics) throws Exception {
        List<TopicPartitionInfo> partitions = new ArrayList<>();
        for (TopicDescription topic : admin.describeTopics(List.of(topics))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .values()) {
            partitions.addAll(topic.partitions());
        }
        return partitions;
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
