package org.modhub.moderation.contracts.event.privacy;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;

/**
 * One service's answer to a {@link PrivacyRequested}: every item of the person's data it found and what it did with
 * each. A long answer comes in several parts (each under the broker's message limit); the service has answered when
 * all {@code parts} have arrived.
 *
 * @param requestId the request answered
 * @param service the answering service, e.g. {@code dmca-service}
 * @param kind the request's kind
 * @param part this part, from 1
 * @param parts how many parts the answer has
 * @param items the items of this part
 * @param answeredAt when the service answered
 */
public record PrivacyAnswered(
        UUID requestId,
        String service,
        PrivacyRequestKind kind,
        int part,
        int parts,
        List<PersonalDataItem> items,
        Instant answeredAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.privacy.PrivacyAnswered.v1";

    public PrivacyAnswered {
        required(requestId, "requestId");
        text(service, "service");
        required(kind, "kind");
        check(parts >= 1 && part >= 1 && part <= parts, "part is between 1 and parts");
        items = list(items, "items");
        required(answeredAt, "answeredAt");
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
