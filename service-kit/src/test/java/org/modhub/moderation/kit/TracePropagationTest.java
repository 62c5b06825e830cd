package org.modhub.moderation.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.devstack.test.TestTokens.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.kit.testapp.CollectedSpans;
import org.modhub.moderation.kit.testapp.TestEvents;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * One trace follows work across the outbox and Kafka: an event carries the trace it was written in, and what a
 * consumer writes while applying it carries the same trace, under the consumer's span.
 */
@QuarkusTest
class TracePropagationTest {

    @Inject
    DataSource db;

    @Inject
    EventCodec codec;

    @Inject
    CollectedSpans spans;

    @Test
    void anEventWrittenWhileARequestIsServedCarriesTheRequestsTrace() {
        String traceId = randomTraceId();
        String id = given().auth()
                .oauth2(token("alice", "user"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON)
                .body("{\"text\":\"traced\",\"priority\":1}")
                .post("/kit-test/notes")
                .then()
                .statusCode(200)
                .extract()
                .path("id");

        EventEnvelope written = codec.decode(outboxPayloadContaining(id));
        assertThat(written.traceparent())
                .as("the server span of the request, in the caller's trace")
                .startsWith("00-" + traceId + "-")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void whatAConsumerWritesCarriesTheTraceOfTheEventItApplies() {
        String traceId = randomTraceId();
        String producerSpan = "00f067aa0ba902b7";
        UUID noteId = UUID.randomUUID();
        String event = codec.encode(EventEnvelope.of("/kit-test", TestEvents.note(noteId, "traced", "echo"))
                .withTrace("00-" + traceId + "-" + producerSpan + "-01", "vendor=kit"));
        KafkaProbe.send(Topics.REPORTING_EVENTS, "account:traced", event);

        EventEnvelope echo = codec.decode(outboxPayloadContaining("echo of " + noteId));
        assertThat(echo.traceparent()).startsWith("00-" + traceId + "-");
        String consumerSpan = echo.traceparent().split("-")[2];

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(spans.all())
                        .filteredOn(s -> s.getSpanId().equals(consumerSpan))
                        .singleElement()
                        .satisfies(span -> {
                            assertThat(span.getName()).isEqualTo("kit-test.notes process ReportWithdrawn");
                            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                            assertThat(span.getTraceId()).isEqualTo(traceId);
                            assertThat(span.getParentSpanId()).isEqualTo(producerSpan);
                        }));

        // The relay's record continues the trace too: the connector's producer span writes the Kafka header.
        try (KafkaProbe published = KafkaProbe.from(Topics.REVIEW_EVENTS)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(published.poll())
                            .filteredOn(r -> r.value().contains("echo of " + noteId))
                            .singleElement()
                            .satisfies(r -> assertThat(header(r.headers().lastHeader("traceparent")))
                                    .startsWith("00-" + traceId + "-")));
        }
    }

    @Test
    void anEventWithoutATraceIsAppliedInATraceOfItsOwn() {
        UUID noteId = UUID.randomUUID();
        KafkaProbe.send(
                Topics.REPORTING_EVENTS,
                "account:untraced",
                codec.encode(EventEnvelope.of("/kit-test", TestEvents.note(noteId, "untraced", "echo"))));

        EventEnvelope echo = codec.decode(outboxPayloadContaining("echo of " + noteId));
        String traceId = echo.traceparent().split("-")[1];
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(spans.all())
                        .filteredOn(s -> s.getTraceId().equals(traceId))
                        .extracting(SpanData::getName)
                        .contains("kit-test.notes process ReportWithdrawn"));
    }

    private String outboxPayloadContaining(String text) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !rows(db, "SELECT payload FROM kit_outbox WHERE payload LIKE ?", "%" + text + "%")
                        .isEmpty());
        List<List<Object>> found = rows(db, "SELECT payload FROM kit_outbox WHERE payload LIKE ?", "%" + text + "%");
        assertThat(found).hasSize(1);
        return (String) found.get(0).get(0);
    }

    private static String randomTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String header(Header header) {
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
