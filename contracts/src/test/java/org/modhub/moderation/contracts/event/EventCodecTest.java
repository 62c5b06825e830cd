package org.modhub.moderation.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.review.DecisionTaken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final ObjectMapper mapper = EventCodec.newObjectMapper();

    static List<EventTypeDescriptor> registeredTypes() {
        return EventTypes.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredTypes")
    void everyRegisteredTypeRoundTrips(EventTypeDescriptor descriptor) {
        EventPayload payload = Samples.all().get(descriptor.payloadClass());
        EventEnvelope sent = EventEnvelope.of(EventSources.REVIEW_SERVICE, payload);

        String json = codec.encode(sent);
        EventEnvelope received = codec.decode(json);

        assertThat(received).isEqualTo(sent);
        assertThat(received.type()).isEqualTo(descriptor.type());
        assertThat(received.subject()).isEqualTo(payload.subjectKey());
        assertThat(received.partitionkey()).isEqualTo(payload.partitionKey()).isNotBlank();
        assertThat(received.dataschema()).isEqualTo(descriptor.schemaUri());
        assertThat(codec.data(received, descriptor.payloadClass())).isEqualTo(payload);
        assertThat(codec.data(received)).isEqualTo(payload);
        assertThat(codec.decode(codec.encodeToBytes(sent))).isEqualTo(sent);
    }

    @Test
    void theEventIdSurvivesARoundTripAndRedelivery() {
        EventEnvelope sent = EventEnvelope.of(EventSources.REPORTING_SERVICE, Samples.reportFiled());
        String stored = codec.encode(sent); // what the outbox row keeps

        EventEnvelope first = codec.decode(stored);
        EventEnvelope redelivered = codec.decode(codec.encode(first));

        assertThat(first.id()).isEqualTo(sent.id());
        assertThat(redelivered.id()).isEqualTo(sent.id());
        assertThat(codec.encode(redelivered)).isEqualTo(stored);
    }

    @Test
    void newEventsGetDistinctIds() {
        assertThat(IntStream.range(0, 100)
                        .mapToObj(i -> EventEnvelope.of(EventSources.REPORTING_SERVICE, Samples.reportFiled())
                                .id()))
                .doesNotHaveDuplicates();
    }

    @Test
    void theJsonIsStructuredModeCloudEvents() throws Exception {
        EventEnvelope sent = EventEnvelope.of(
                "id-1", EventSources.REVIEW_SERVICE, Instant.parse("2025-06-02T10:00:00.5Z"), Samples.decisionTaken());
        JsonNode json = mapper.readTree(codec.encode(sent));

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo("id-1");
        assertThat(json.get("source").asText()).isEqualTo("/modhub/moderation/review-service");
        assertThat(json.get("type").asText()).isEqualTo("org.modhub.moderation.review.DecisionTaken.v1");
        assertThat(json.get("subject").asText()).isEqualTo("model:acme/llama-7b");
        assertThat(json.get("time").asText()).isEqualTo("2025-06-02T10:00:00.500Z");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        JsonNode data = json.get("data");
        assertThat(data.get("subject").asText()).isEqualTo("model:acme/llama-7b");
        assertThat(data.get("decidedAt").asText()).isEqualTo("2025-06-02T10:15:30.123456Z");
        assertThat(data.get("category").asText()).isEqualTo("harmful_or_abusive");
        assertThat(data.get("subcategory").asText()).isEqualTo("hate_speech");
        assertThat(data.get("ground").asText()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        // Only record components are data: no eventType/subjectKey/partitionKey leak in.
        assertThat(data.has("eventType")).isFalse();
        assertThat(data.has("subjectKey")).isFalse();
        assertThat(data.has("partitionKey")).isFalse();
    }

    @Test
    void eventsWithoutASingleSubjectOmitTheAttribute() throws Exception {
        EventPayload mail = Samples.all().get(InboundMailReceived.class);
        JsonNode json = mapper.readTree(codec.encode(EventEnvelope.of(EventSources.NOTIFICATION_SERVICE, mail)));
        assertThat(json.has("subject")).isFalse();
        assertThat(json.get("partitionkey").asText()).isEqualTo("dmca");
    }

    @Test
    void consumersIgnoreWhatANewerProducerAdds() throws Exception {
        ObjectNode json = (ObjectNode)
                mapper.readTree(codec.encode(EventEnvelope.of(EventSources.REPORTING_SERVICE, Samples.reportFiled())));
        json.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        ((ObjectNode) json.get("data")).put("aFieldFromTheFuture", 42);

        EventEnvelope received = codec.decode(mapper.writeValueAsString(json));

        assertThat(codec.data(received, ReportFiled.class)).isEqualTo(Samples.reportFiled());
    }

    @Test
    void theTraceContextTravelsWithTheEventAndOlderEventsWithoutItAreStillRead() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        EventEnvelope traced = EventEnvelope.of(EventSources.REPORTING_SERVICE, Samples.reportFiled())
                .withTrace(traceparent, "vendor=abc");

        ObjectNode json = (ObjectNode) mapper.readTree(codec.encode(traced));
        assertThat(json.get("traceparent").asText()).isEqualTo(traceparent);
        assertThat(codec.decode(mapper.writeValueAsString(json))).isEqualTo(traced);

        json.remove("traceparent");
        json.remove("tracestate");
        EventEnvelope older = codec.decode(mapper.writeValueAsString(json));
        assertThat(older.traceparent()).isNull();
        assertThat(codec.data(older)).isEqualTo(Samples.reportFiled());
        assertThat(codec.encode(older)).doesNotContain("trace");
    }

    @Test
    void aTraceContextThatIsNotW3CIsRefused() throws Exception {
        EventEnvelope envelope = EventEnvelope.of(EventSources.REPORTING_SERVICE, Samples.reportFiled());
        assertThatThrownBy(() -> envelope.withTrace("00-not-a-trace-01", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("traceparent");

        ObjectNode json = (ObjectNode) mapper.readTree(codec.encode(envelope));
        json.put("tracestate", "vendor=abc");
        assertThatThrownBy(() -> codec.decode(mapper.writeValueAsString(json)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("tracestate");
    }

    @Test
    void dataIsReadOnlyAsTheClassOfItsType() {
        EventEnvelope envelope = EventEnvelope.of(EventSources.REPORTING_SERVICE, Samples.reportFiled());
        assertThatThrownBy(() -> codec.data(envelope, DecisionTaken.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("has type 'org.modhub.moderation.reporting.ReportFiled.v1'")
                .hasMessageContaining("DecisionTaken");
    }

    @Test
    void unknownTypesAreReportedNotGuessed() {
        EventEnvelope envelope = EventEnvelope.of(EventSources.REPORTING_SERVICE, Samples.reportFiled());
        EventEnvelope future = new EventEnvelope(
                "1.0",
                "e-1",
                envelope.source(),
                "org.modhub.moderation.reporting.ReportFiled.v2",
                envelope.subject(),
                envelope.time(),
                "application/json",
                null,
                null,
                null,
                null,
                envelope.data());
        assertThatThrownBy(() -> codec.data(future))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("unknown type 'org.modhub.moderation.reporting.ReportFiled.v2'");
        assertThat(EventTypes.find(future.type())).isEmpty();
    }

    @Test
    void dataThatBreaksItsRecordIsRejectedNamingTheField() throws Exception {
        ObjectNode json = (ObjectNode)
                mapper.readTree(codec.encode(EventEnvelope.of(EventSources.REPORTING_SERVICE, Samples.reportFiled())));
        ((ObjectNode) json.get("data")).remove("reportId");
        EventEnvelope received = codec.decode(mapper.writeValueAsString(json));

        assertThatThrownBy(() -> codec.data(received))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("invalid org.modhub.moderation.reporting.ReportFiled.v1 data")
                .hasMessageContaining("reportId is required");

        ((ObjectNode) json.get("data")).put("reportId", Samples.REPORT_ID.toString());
        ((ObjectNode) json.get("data")).put("subject", "file:model:acme/x@main:../../etc/passwd");
        EventEnvelope hostile = codec.decode(mapper.writeValueAsString(json));
        assertThatThrownBy(() -> codec.data(hostile))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("path traversal");
    }

    @Test
    void aMissingPrimitiveIsNotReadAsFalse() throws Exception {
        ObjectNode json = (ObjectNode)
                mapper.readTree(codec.encode(EventEnvelope.of(EventSources.REPORTING_SERVICE, Samples.reportFiled())));
        ((ObjectNode) json.get("data")).remove("trustedFlagger");
        EventEnvelope received = codec.decode(mapper.writeValueAsString(json));

        assertThatThrownBy(() -> codec.data(received))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("trustedFlagger");
    }

    @Test
    void brokenEnvelopesAreRejected() {
        String valid = codec.encode(EventEnvelope.of(EventSources.REPORTING_SERVICE, Samples.reportFiled()));
        assertThatThrownBy(() -> codec.decode("{not json"))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("malformed event");
        assertThatThrownBy(() -> codec.decode(valid.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"")))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("specversion must be '1.0'");
        assertThatThrownBy(() -> codec.decode(valid.replaceFirst("\"id\":\"[^\"]+\",", "")))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("id must be");
        assertThatThrownBy(() -> codec.decode(valid.replace(
                        "\"datacontenttype\":\"application/json\"", "\"datacontenttype\":\"application/xml\"")))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("datacontenttype");
        assertThatThrownBy(() -> codec.decode(
                        valid.replace("{\"specversion\":\"1.0\",", "{\"specversion\":\"1.0\",\"id\":\"other\",")))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("Duplicate field 'id'");
        assertThatThrownBy(() -> codec.decode(valid + "{}")).isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> codec.decode((String) null)).isInstanceOf(EventDecodingException.class);
    }

    @Test
    void aPayloadMustBeRegisteredToBeSent() {
        EventPayload unregistered = new EventPayload() {
            @Override
            public String eventType() {
                return "org.modhub.moderation.reporting.Nothing.v1";
            }

            @Override
            public String subjectKey() {
                return null;
            }
        };
        assertThatThrownBy(() -> EventEnvelope.of(EventSources.REPORTING_SERVICE, unregistered))
                .isInstanceOf(UnknownEventTypeException.class);
    }
}
