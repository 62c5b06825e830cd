package org.modhub.moderation.kit.problem;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A JSON object naming one field twice is refused (400 {@code malformed-body}) instead of read with
 * the last value winning. Without this, a field repeated in a request body that is a record fails
 * inside Jackson as a definition error, which Quarkus answers with a bare 500 (found by the body
 * fuzz tests); and which of two values counts is a classic way to slip past a check.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }
}
