package org.modhub.moderation.console.services;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A data subject's access or erasure request as appeals-service's ledger shows it: who asked for whom, and each
 * service's answer (what it found or did, and what it keeps under which rule).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrivacyRequest(
        String id,
        String kind,
        String accountId,
        List<String> emails,
        String note,
        String requestedBy,
        Instant requestedAt,
        String status,
        Instant completedAt,
        List<ServiceAnswer> services) {

    public PrivacyRequest {
        emails = emails == null ? List.of() : List.copyOf(emails);
        services = services == null ? List.of() : List.copyOf(services);
    }

    public boolean complete() {
        return "COMPLETE".equals(status);
    }

    public boolean erasure() {
        return "ERASURE".equalsIgnoreCase(kind);
    }

    /** How many services have answered. */
    public long answered() {
        return services.stream().filter(ServiceAnswer::hasAnswered).count();
    }

    /** Every hold of every service, in the order of the services. */
    public List<HeldBy> holds() {
        return services.stream()
                .flatMap(s -> s.holds().stream().map(h -> new HeldBy(s.service(), h)))
                .toList();
    }

    /** A hold and the service keeping it. */
    public record HeldBy(String service, Hold hold) {}

    /** One service's answer; {@code WAITING} until it has sent every part. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceAnswer(
            String service, String status, Instant answeredAt, Map<String, Integer> counts, List<Hold> holds) {

        public ServiceAnswer {
            counts = counts == null ? Map.of() : Map.copyOf(counts);
            holds = holds == null ? List.of() : List.copyOf(holds);
        }

        public boolean hasAnswered() {
            return "ANSWERED".equals(status);
        }

        public int count(String treatment) {
            return counts.getOrDefault(treatment, 0);
        }
    }

    /** An item a service keeps through an erasure, and the rule that keeps it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hold(String kind, String id, String what, String rule, Instant heldUntil) {}
}
