package org.modhub.moderation.appeals.privacy.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.event.privacy.ItemTreatment;

/**
 * A request in the ledger with every service's answer so far ({@code GET /api/v1/privacy/requests/{id}}).
 *
 * @param kind {@code access} or {@code erasure}, as staff wrote it
 * @param emails lower-cased
 * @param status {@code COMPLETE} once every expected service answered in full
 * @param completedAt when it became complete; null while pending
 * @param services every expected service (configuration order), then any other service that answered
 */
public record PrivacyRequestView(
        UUID id,
        String kind,
        String accountId,
        List<String> emails,
        String note,
        String requestedBy,
        Instant requestedAt,
        LedgerStatus status,
        Instant completedAt,
        List<ServiceAnswer> services) {

    /**
     * One service's answer.
     *
     * @param expected whether the request waits for this service ({@code appeals.privacy.services}); an answer of
     *     another service is shown but completes nothing
     * @param status {@code ANSWERED} once all its parts arrived
     * @param answeredAt when the service answered (its latest part); null before any part
     * @param partsReceived parts arrived so far
     * @param parts parts the answer has; null before any part
     * @param counts items by treatment (every treatment, 0 when none), over the parts arrived
     * @param holds the items kept under a legal hold, with the rule
     */
    public record ServiceAnswer(
            String service,
            boolean expected,
            AnswerStatus status,
            Instant answeredAt,
            int partsReceived,
            Integer parts,
            Map<ItemTreatment, Integer> counts,
            List<Hold> holds) {}

    /**
     * An item a service keeps under a legal hold.
     *
     * @param kind the kind of record, e.g. {@code dmca-counter-notice}
     * @param id the record's id in its service
     * @param what what it is, in words staff can send the person
     * @param rule the rule that keeps it, e.g. {@code 17 U.S.C. 512(g) and 507(b)}
     * @param heldUntil when the hold ends, if the service knows
     */
    public record Hold(String kind, String id, String what, String rule, Instant heldUntil) {}
}
