package org.modhub.moderation.appeals.privacy.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.kit.validation.FieldChecks;

/**
 * Checks the body of {@code POST /api/v1/privacy/requests} with the kit's {@link FieldChecks}: every bad field in one
 * 400, before anything is written.
 */
final class PrivacyRequestChecks {

    static final int MAX_EMAILS = 10;
    static final int MAX_ACCOUNT_ID = 200;
    static final int MAX_NOTE = 2000;

    private PrivacyRequestChecks() {}

    static PrivacyLedger.NewRequest check(PrivacyRequestBody body) {
        if (body == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        PrivacyRequestKind kind = kind(check, body.kind());
        String accountId = check.text(body.accountId(), "accountId", false, MAX_ACCOUNT_ID);
        if (accountId != null && accountId.chars().anyMatch(Character::isWhitespace)) {
            check.add("accountId", "must be a hub account id, without spaces");
            accountId = null;
        }
        List<String> emails = new ArrayList<>();
        if (check.bounded(body.emails(), "emails", MAX_EMAILS)) {
            for (int i = 0; i < body.emails().size(); i++) {
                String email = check.email(body.emails().get(i), "emails[" + i + "]", true);
                if (email != null && !emails.contains(email.toLowerCase(Locale.ROOT))) {
                    emails.add(email.toLowerCase(Locale.ROOT));
                }
            }
        }
        String note = check.text(body.note(), "note", false, MAX_NOTE);
        if (accountId == null
                && emails.isEmpty()
                && !check.failed("accountId")
                && !check.failed("emails")
                && (body.emails() == null || body.emails().isEmpty())) {
            check.add("accountId", "is required unless emails names at least one address");
        }
        check.throwIfAny();
        return new PrivacyLedger.NewRequest(kind, accountId, List.copyOf(emails), note);
    }

    private static PrivacyRequestKind kind(FieldChecks check, String value) {
        if (value == null || value.isBlank()) {
            check.add("kind", "is required");
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "access" -> PrivacyRequestKind.ACCESS;
            case "erasure" -> PrivacyRequestKind.ERASURE;
            default -> {
                check.add("kind", "must be access or erasure");
                yield null;
            }
        };
    }
}
