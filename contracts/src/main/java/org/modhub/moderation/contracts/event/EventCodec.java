package org.modhub.moderation.contracts.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Encodes and decodes {@link EventEnvelope}s and reads their {@code data} as payload records.
 * Thread-safe; one instance can serve a whole service.
 *
 * <p>Its mapper writes instants as ISO-8601 strings and ignores unknown properties, so a consumer
 * keeps working when a producer adds a field to a type (an additive change within one version).
 * Unknown enum constants are not ignored: a new subcategory or action needs its consumers deployed
 * first. Duplicate JSON keys are rejected so no two parsers can read one message differently.
 */
public final class EventCodec {

    private static final ObjectMapper SHARED = newObjectMapper();

    private final ObjectMapper mapper;

    public EventCodec() {
        this.mapper = SHARED;
    }

    /** A new mapper configured as the contract requires; use it wherever contract records are (de)serialised. */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * The payload as the JSON tree a consumer will parse. Written out and read back rather than
     * {@code valueToTree}, which keeps Java's number types (a long stays a long) where parsing
     * yields the smallest fitting one, so an envelope equals itself after a round trip.
     */
    static JsonNode toTree(EventPayload payload) {
        try {
            return SHARED.readTree(SHARED.writeValueAsBytes(payload));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }

    /** The envelope as a JSON string. */
    public String encode(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + envelope.id(), e);
        }
    }

    /** The envelope as UTF-8 JSON bytes, for a Kafka record value. */
    public byte[] encodeToBytes(EventEnvelope envelope) {
        return encode(envelope).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses an envelope; throws {@link EventDecodingException} if it is not a valid CloudEvent of this contract. */
    public EventEnvelope decode(String json) {
        if (json == null) {
            throw new EventDecodingException("malformed event: no content", null);
        }
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new EventDecodingException("malformed event: " + reason(e), e);
        }
    }

    /** Parses an envelope from UTF-8 bytes. */
    public EventEnvelope decode(byte[] json) {
        return decode(json == null ? null : new String(json, StandardCharsets.UTF_8));
    }

    /**
     * Reads the envelope's data as {@code payloadClass}, which must be the class registered for
     * the envelope's type.
     */
    public <T extends EventPayload> T data(EventEnvelope envelope, Class<T> payloadClass) {
        EventTypeDescriptor descriptor = EventTypes.byClass(payloadClass);
        if (!descriptor.type().equals(envelope.type())) {
            throw new EventDecodingException(
                    "event " + envelope.id() + " has type '" + envelope.type() + "', not '" + descriptor.type()
                            + "' carried by " + payloadClass.getSimpleName(),
                    null);
        }
        try {
            return mapper.treeToValue(envelope.data(), payloadClass);
        } catch (IOException | IllegalArgumentException e) {
            throw new EventDecodingException(
                    "invalid " + envelope.type() + " data in event " + envelope.id() + ": " + reason(e), e);
        }
    }

    /** Reads the envelope's data as the record registered for its type. */
    public EventPayload data(EventEnvelope envelope) {
        EventTypeDescriptor descriptor = EventTypes.find(envelope.type())
                .orElseThrow(() -> new EventDecodingException(
                        "event " + envelope.id() + " has unknown type '" + envelope.type() + "'", null));
        return data(envelope, descriptor.payloadClass());
    }

    /** Builds an envelope for {@code payload}; see {@link EventEnvelope#of(String, EventPayload)}. */
    public EventEnvelope envelope(String source, EventPayload payload) {
        return EventEnvelope.of(source, payload);
    }

    // The record's own message ("reportId is required") is more useful than Jackson's wrapper text;
    // Jackson's own problems get the JSON path of the offending field.
    private static String reason(Exception e) {
        Throwable cause = e;
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            cause = e.getCause();
        }
        if (cause instanceof JsonMappingException jme) {
            String path = jme.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return jme.getOriginalMessage() + (path.isEmpty() ? "" : " (at " + path + ")");
        }
        String message = cause instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
