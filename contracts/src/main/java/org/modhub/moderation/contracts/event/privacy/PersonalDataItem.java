package org.modhub.moderation.contracts.event.privacy;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.modhub.moderation.contracts.event.Nullable;

/**
 * One item of a person's data in one service, as a data subject's request finds it.
 *
 * @param kind the kind of record, e.g. {@code report}, {@code dmca-counter-notice}, {@code mailbox-message}
 * @param id the record's id in its service
 * @param what what the item is, in words staff can send to the person
 * @param why why the service holds it (purpose and legal basis) and for how long
 * @param treatment what the service did with it for this request
 * @param hold for {@link ItemTreatment#HELD}, the rule that keeps it (e.g. {@code 17 U.S.C. 512(g)}); null otherwise
 * @param heldUntil for {@link ItemTreatment#HELD}, when the hold ends, if known
 * @param fields the personal data itself, field by field, for an access request; empty for an erasure
 */
public record PersonalDataItem(
        String kind,
        String id,
        String what,
        String why,
        ItemTreatment treatment,
        @Nullable String hold,
        @Nullable Instant heldUntil,
        Map<String, String> fields) {

    public PersonalDataItem {
        text(kind, "kind");
        text(id, "id");
        text(what, "what");
        text(why, "why");
        required(treatment, "treatment");
        check(treatment != ItemTreatment.HELD || (hold != null && !hold.isBlank()), "a held item names its rule");
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
