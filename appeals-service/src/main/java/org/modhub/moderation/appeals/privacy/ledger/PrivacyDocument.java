package org.modhub.moderation.appeals.privacy.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;

/**
 * The downloadable document of a request ({@code GET /api/v1/privacy/requests/{id}/document}): for an access
 * request everything each service holds about the person, with what each item is, why it is kept and its data field
 * by field; for an erasure what each service erased, anonymised or keeps under which rule.
 *
 * @param generatedAt when this document was put together
 * @param complete whether every expected service has answered in full; while false, {@code waiting} names the rest
 * @param waiting the expected services whose answer has not (fully) arrived
 * @param services every expected service (configuration order), then any other that answered, with its items
 */
public record PrivacyDocument(
        Request request, Instant generatedAt, boolean complete, List<String> waiting, List<ServiceItems> services) {

    /** The request as recorded. */
    public record Request(
            UUID id,
            String kind,
            String accountId,
            List<String> emails,
            String note,
            String requestedBy,
            Instant requestedAt,
            LedgerStatus status,
            Instant completedAt) {}

    /**
     * One service's items, all parts arrived so far in order.
     *
     * @param answeredAt when the service answered; null while nothing arrived
     */
    public record ServiceItems(String service, AnswerStatus status, Instant answeredAt, List<PersonalDataItem> items) {}
}
