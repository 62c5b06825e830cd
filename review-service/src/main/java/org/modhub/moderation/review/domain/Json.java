package org.modhub.moderation.review.domain;

import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.action.ModerationAction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/** The JSON text columns (lists and statements) in and out, with the application's mapper. */
@ApplicationScoped
public class Json {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<ModerationAction>> ACTIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<UUID>> UUIDS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read as " + type.getSimpleName(), e);
        }
    }

    public List<String> strings(String json) {
        return read(json, STRINGS);
    }

    public List<ModerationAction> actions(String json) {
        return read(json, ACTIONS);
    }

    public List<UUID> uuids(String json) {
        return read(json, UUIDS);
    }

    private <T> List<T> read(String json, TypeReference<List<T>> type) {
        try {
            return json == null ? List.of() : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not the expected list", e);
        }
    }
}
