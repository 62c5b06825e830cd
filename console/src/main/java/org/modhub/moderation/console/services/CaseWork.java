package org.modhub.moderation.console.services;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The parts of a case's detail the "changes requested" page reads: its decisions and its requests to the owner. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseWork(CaseSummary summary, List<Decision> decisions, List<OwnerRequest> ownerRequests) {

    public CaseWork {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        ownerRequests = ownerRequests == null ? List.of() : List.copyOf(ownerRequests);
    }

    /** A request to the owner to change the subject, with its deadline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OwnerRequest(
            String id,
            String ownerId,
            String message,
            Instant deadline,
            String requestedBy,
            Instant requestedAt,
            String response,
            Instant respondedAt,
            Instant expiredAt) {

        public boolean open() {
            return respondedAt == null && expiredAt == null;
        }

        public boolean overdue() {
            return open() && deadline != null && deadline.isBefore(Instant.now());
        }
    }
}
