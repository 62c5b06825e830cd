package org.modhub.moderation.contracts.event.privacy;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;

/**
 * Staff recorded a data subject's request; every service holding personal data answers it with
 * {@link PrivacyAnswered}. The person is named by their hub account id, their e-mail addresses, or both; a service
 * matches either.
 *
 * @param requestId the request
 * @param kind access or erasure
 * @param accountId the person's hub account id, if they have one
 * @param emails the person's e-mail addresses, lower-cased
 * @param requestedBy the staff member who recorded it
 * @param requestedAt when
 */
public record PrivacyRequested(
        UUID requestId,
        PrivacyRequestKind kind,
        @Nullable String accountId,
        List<String> emails,
        String requestedBy,
        Instant requestedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.privacy.PrivacyRequested.v1";

    public PrivacyRequested {
        required(requestId, "requestId");
        required(kind, "kind");
        emails = list(emails, "emails").stream()
                .map(e -> e.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        check(
                accountId != null && !accountId.isBlank() || !emails.isEmpty(),
                "a request names an account or an address");
        text(requestedBy, "requestedBy");
        required(requestedAt, "requestedAt");
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subjectKey() {
        return null;
    }

    @Override
    public String partitionKey() {
        return requestId.toString();
    }
}
