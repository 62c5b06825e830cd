package org.modhub.moderation.contracts.event;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured-mode JSON, the value of every Kafka record of the suite.
 *
 * <p>The {@code id} is created once, when the producer writes its outbox row in the same
 * transaction as its state change, and is stored with the row; the relay re-sends the stored
 * JSON, so a redelivered event keeps its id and consumers can deduplicate on it. Never build a
 * new envelope when retrying.
 *
 * @param specversion always {@code 1.0}
 * @param id unique per event and stable across redelivery
 * @param source who emitted it, one of {@link EventSources}
 * @param type the versioned type name, see {@link EventTypes}
 * @param subject the subject key ({@code SubjectRef.key()}) where the event has one subject
 * @param time when it happened (RFC 3339, UTC)
 * @param datacontenttype always {@code application/json}
 * @param dataschema the URI of the type's JSON Schema
 * @param partitionkey the Kafka record key (CloudEvents Partitioning extension)
 * @param traceparent the W3C trace context of the work that wrote the event (CloudEvents Distributed Tracing
 *     extension), so the consumer's work joins the producer's trace; absent in events written before it existed
 * @param tracestate the W3C {@code tracestate} that came with {@code traceparent}, where there was one
 * @param data the payload record as JSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "specversion",
    "id",
    "source",
    "type",
    "subject",
    "time",
    "datacontenttype",
    "dataschema",
    "partitionkey",
    "traceparent",
    "tracestate",
    "data"
})
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        @Nullable String subject,
        Instant time,
        String datacontenttype,
        @Nullable String dataschema,
        @Nullable String partitionkey,
        @Nullable String traceparent,
        @Nullable String tracestate,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The Kafka {@code content-type} header of a structured-mode CloudEvent. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public static final int MAX_ID_LENGTH = 256;

    /** W3C Trace Context: version, trace id, parent id, flags; later versions may append fields after a dash. */
    private static final Pattern TRACEPARENT =
            Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}(-[\\x21-\\x7e]{1,200})?");

    /** W3C Trace Context asks vendors to pass on at least 512 characters of tracestate; more is cut, not carried. */
    public static final int MAX_TRACESTATE_LENGTH = 512;

    public EventEnvelope {
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("specversion must be '1.0', not '" + specversion + "'");
        }
        if (id == null
                || id.isBlank()
                || id.length() > MAX_ID_LENGTH
                || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("id must be 1 to " + MAX_ID_LENGTH + " printable characters");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source is required");
        }
        try {
            new URI(source);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("source must be a URI-reference: " + e.getMessage());
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type is required");
        }
        if (subject != null && subject.isBlank()) {
            throw new IllegalArgumentException("subject must be absent or not blank");
        }
        if (time == null) {
            throw new IllegalArgumentException("time is required");
        }
        if (datacontenttype == null) {
            datacontenttype = DATA_CONTENT_TYPE;
        } else if (!DATA_CONTENT_TYPE.equals(datacontenttype)) {
            throw new IllegalArgumentException("datacontenttype must be '" + DATA_CONTENT_TYPE + "'");
        }
        if (traceparent != null && !TRACEPARENT.matcher(traceparent).matches()) {
            throw new IllegalArgumentException("traceparent must be absent or a W3C traceparent");
        }
        if (tracestate != null
                && (traceparent == null
                        || tracestate.isBlank()
                        || tracestate.length() > MAX_TRACESTATE_LENGTH
                        || tracestate.chars().anyMatch(c -> c < 0x20 || c > 0x7e))) {
            throw new IllegalArgumentException("tracestate must be absent, or come with a traceparent in at most "
                    + MAX_TRACESTATE_LENGTH + " printable characters");
        }
        if (data == null || data.isNull() || data.isMissingNode()) {
            throw new IllegalArgumentException("data is required");
        }
    }

    /** This event carrying the trace context it was written in ({@code traceparent} null: none). */
    public EventEnvelope withTrace(@Nullable String traceparent, @Nullable String tracestate) {
        return new EventEnvelope(
                specversion,
                id,
                source,
                type,
                subject,
                time,
                datacontenttype,
                dataschema,
                partitionkey,
                traceparent,
                traceparent == null ? null : tracestate,
                data);
    }

    /**
     * A new event for {@code payload}: a fresh random id, the current time, and type, subject,
     * schema and partition key taken from the payload.
     */
    public static EventEnvelope of(String source, EventPayload payload) {
        return of(UUID.randomUUID().toString(), source, Instant.now().truncatedTo(ChronoUnit.MICROS), payload);
    }

    /** An event for {@code payload} with a given id and time, e.g. derived from the outbox row. */
    public static EventEnvelope of(String id, String source, Instant time, EventPayload payload) {
        if (payload == null) {
            throw new IllegalArgumentException("payload is required");
        }
        EventTypeDescriptor descriptor = EventTypes.byClass(payload.getClass());
        if (!descriptor.type().equals(payload.eventType())) {
            throw new IllegalStateException(payload.getClass().getSimpleName() + ".eventType() is '"
                    + payload.eventType() + "' but it is registered as '" + descriptor.type() + "'");
        }
        JsonNode data = EventCodec.toTree(payload);
        return new EventEnvelope(
                SPEC_VERSION,
                id,
                source,
                descriptor.type(),
                payload.subjectKey(),
                time,
                DATA_CONTENT_TYPE,
                descriptor.schemaUri(),
                payload.partitionKey(),
                null,
                null,
                data);
    }
}
