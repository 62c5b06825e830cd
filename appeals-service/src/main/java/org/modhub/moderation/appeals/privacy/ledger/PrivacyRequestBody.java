package org.modhub.moderation.appeals.privacy.ledger;

import java.util.List;

/**
 * A data subject's request as staff record it ({@code POST /api/v1/privacy/requests}). At least one of
 * {@code accountId} and {@code emails} names the person.
 *
 * @param kind {@code access} (GDPR Art. 15) or {@code erasure} (Art. 17)
 * @param accountId the person's hub account id, if they have one
 * @param emails the person's e-mail addresses, at most 10
 * @param note how the request came in and how the person was identified
 */
public record PrivacyRequestBody(String kind, String accountId, List<String> emails, String note) {}
