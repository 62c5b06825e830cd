package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;

/** What the services' outage tests rely on: the broker comes back on the same address with its data. */
class KafkaRestartTest {

    @Test
    void aBrokerStoppedAndStartedAgainKeepsItsAddressTopicsAndOffsets() throws Exception {
        DevStack stack = DevStack.shared();
        KafkaServer kafka = stack.kafka();
        assumeTrue(kafka.isControllable(), "Kafka is external here");
        String group = KafkaClients.unique("outage-group");
        String before = KafkaClients.unique("before-outage");
        String after = KafkaClients.unique("after-outage");
        String bootstrap = kafka.bootstrapServers();

        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(kafka, group)) {
            consumer.subscribe(List.of(Topics.APPEALS_EVENTS));
            KafkaClients.send(kafka, Topics.APPEALS_EVENTS, "appeal-1", before);
            assertThat(KafkaClients.pollUntil(consumer, before, Duration.ofSeconds(20)))
                    .extracting(ConsumerRecord::value)
                    .contains(before);
        }

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        assertThat(accepts(bootstrap))
                .as("broker port closed during the outage")
                .isFalse();

        kafka.start();
        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(kafka.topics()).containsAll(Topics.EVENT_TOPICS);
        KafkaClients.send(kafka, Topics.APPEALS_EVENTS, "appeal-2", after);

        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(kafka, group)) {
            consumer.subscribe(List.of(Topics.APPEALS_EVENTS));
            List<String> values = KafkaClients.pollUntil(consumer, after, Duration.ofSeconds(30)).stream()
                    .map(ConsumerRecord::value)
                    .toList();

            assertThat(values).contains(after);
            assertThat(values).as("the committed offset survived the restart").doesNotContain(before);
        }
    }

    private static boolean accepts(String bootstrap) {
        String[] hostPort = bootstrap.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
