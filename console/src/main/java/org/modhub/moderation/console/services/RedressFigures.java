package org.modhub.moderation.console.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The Art. 24(1) figures of appeals (internal complaints) and out-of-court disputes, as appeals-service counts them. */
public final class RedressFigures {

    private RedressFigures() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Appeals(
            Instant from,
            Instant to,
            long filed,
            long open,
            long escalated,
            Map<String, Long> outcomes,
            Double medianHoursToDecide,
            long manifestlyUnfounded,
            Map<String, Long> sanctions) {

        public Appeals {
            outcomes = outcomes == null ? Map.of() : Map.copyOf(outcomes);
            sanctions = sanctions == null ? Map.of() : Map.copyOf(sanctions);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Disputes(
            LocalDate from,
            LocalDate to,
            long submitted,
            long settled,
            long pending,
            Map<String, Long> outcomes,
            Double medianDaysToSettle,
            long decidedForRecipient,
            long implemented,
            Double implementedShare,
            Map<String, Long> byBody) {

        public Disputes {
            outcomes = outcomes == null ? Map.of() : Map.copyOf(outcomes);
            byBody = byBody == null ? Map.of() : Map.copyOf(byBody);
        }
    }
}
