package org.modhub.moderation.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** {@code asyncapi.yaml} names every registered event type and every topic, and its references resolve. */
class AsyncApiInStepTest {

    private static Path file;
    private static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        file = SchemaInStepTest.moduleDir().resolve("src/main/resources/contracts/asyncapi.yaml");
        doc = new YAMLMapper().readTree(file.toFile());
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("info").path("version").asText()).isNotBlank();
    }

    @Test
    void everyTopicIsAChannel() {
        Set<String> addresses = fields(doc.path("channels")).values().stream()
                .map(channel -> channel.path("address").asText())
                .collect(Collectors.toSet());
        Set<String> topics = new HashSet<>(Topics.EVENT_TOPICS);
        topics.addAll(Topics.DEAD_LETTER_TOPICS);
        assertThat(addresses).isEqualTo(topics);
    }

    @Test
    void everyRegisteredTypeIsAMessageOnItsTopicsChannel() {
        Map<String, JsonNode> messages = fields(doc.path("components").path("messages"));
        assertThat(messages).as("one message per registered type").hasSameSizeAs(EventTypes.all());
        for (EventTypeDescriptor descriptor : EventTypes.all()) {
            Map.Entry<String, JsonNode> message = messages.entrySet().stream()
                    .filter(e -> e.getValue().path("name").asText().equals(descriptor.type()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("asyncapi.yaml has no message named " + descriptor.type()));
            JsonNode overlay =
                    message.getValue().path("payload").path("allOf").path(1).path("properties");
            assertThat(overlay.path("type").path("const").asText())
                    .as(descriptor.type())
                    .isEqualTo(descriptor.type());
            assertThat(overlay.path("dataschema").path("const").asText())
                    .as(descriptor.type())
                    .isEqualTo(descriptor.schemaUri());
            assertThat(overlay.path("data").path("$ref").asText())
                    .as(descriptor.type())
                    .isEqualTo("./schemas/" + descriptor.type() + ".json");

            JsonNode channel = channelFor(descriptor.topic());
            assertThat(refs(channel.path("messages")))
                    .as("messages of channel " + descriptor.topic())
                    .contains("#/components/messages/" + message.getKey());
        }
    }

    @Test
    void eventChannelsCarryOnlyTheirTopicsTypes() {
        for (String topic : Topics.EVENT_TOPICS) {
            Set<String> expected = EventTypes.forTopic(topic).stream()
                    .map(d -> "#/components/messages/" + d.name())
                    .collect(Collectors.toSet());
            assertThat(Set.copyOf(refs(channelFor(topic).path("messages"))))
                    .as(topic)
                    .isEqualTo(expected);
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectRefs(doc).forEach(ref -> {
            if (ref.startsWith("#/")) {
                if (doc.at(JsonPointer.compile(ref.substring(1))).isMissingNode()) {
                    broken.add(ref);
                }
            } else if (!Files.exists(file.getParent().resolve(ref).normalize())) {
                broken.add(ref);
            }
        });
        assertThat(broken).isEmpty();
    }

    private static JsonNode channelFor(String topic) {
        return fields(doc.path("channels")).values().stream()
                .filter(channel -> channel.path("address").asText().equals(topic))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel for " + topic));
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private static List<String> refs(JsonNode messages) {
        return StreamSupport.stream(messages.spliterator(), false)
                .map(m -> m.path("$ref").asText())
                .toList();
    }

    private static List<String> collectRefs(JsonNode node) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    found.add(e.getValue().asText());
                } else {
                    found.addAll(collectRefs(e.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> found.addAll(collectRefs(child)));
        }
        return found;
    }
}
