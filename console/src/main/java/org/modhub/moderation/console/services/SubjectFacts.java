package org.modhub.moderation.console.services;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A case's subject as the hub directory knows it now ({@code GET /cases/{id}/subject}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectFacts(
        String subject,
        String visibility,
        Instant createdAt,
        Instant lastModified,
        List<Owner> owners,
        List<BaseModel> baseModels) {

    public SubjectFacts {
        owners = owners == null ? List.of() : owners;
        baseModels = baseModels == null ? List.of() : baseModels;
    }

    /** An owner a decision may concern; the first is the primary owner, the one notices go to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Owner(String id, String name, String type, String language, String country, boolean hasEmail) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BaseModel(String model, String relation) {}
}
