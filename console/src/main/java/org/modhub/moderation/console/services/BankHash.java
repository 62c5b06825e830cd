package org.modhub.moderation.console.services;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Every source that holds or held one sha256 in matching-service's bank, oldest first, withdrawn ones too. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BankHash(String sha256, List<Source> sources) {

    public BankHash {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * A decision that removed content ({@code kind} DECISION: {@code decisionId}, {@code subject}) or an imported list
     * ({@code kind} IMPORT: {@code importId}, {@code listSource}); {@code verdict} is what the hub is told to do.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(
            int sourceId,
            String kind,
            String decisionId,
            String subject,
            String importId,
            String listSource,
            String reason,
            String verdict,
            boolean active) {}
}
