package org.modhub.moderation.contracts.event.dmca;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * A repeat-infringer strike was recorded against an account for a takedown that stood. When
 * {@code repeatInfringer} is true, review-service opens a case on the account.
 *
 * @param accountId hub user id of the account
 * @param account the account as a subject ({@code account:<name>})
 * @param noticeId the notice the strike is for
 * @param strikeCount the account's strikes in force, this one included
 * @param repeatInfringer whether the count reached the repeat-infringer threshold
 * @param recordedAt when
 * @param strikeNoticeIds the notices of all the account's strikes in force, this one included, oldest first (what a
 *     repeat-infringer case links to); empty from producers that predate it
 */
public record StrikeRecorded(
        String accountId,
        SubjectRef account,
        UUID noticeId,
        int strikeCount,
        boolean repeatInfringer,
        Instant recordedAt,
        @Nullable List<UUID> strikeNoticeIds)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.dmca.StrikeRecorded.v1";

    public StrikeRecorded {
        text(accountId, "accountId");
        required(account, "account");
        check(account.kind() == SubjectKind.ACCOUNT, "account must be an account: subject, not " + account.kind());
        required(noticeId, "noticeId");
        check(strikeCount >= 1, "strikeCount must be at least 1");
        required(recordedAt, "recordedAt");
        strikeNoticeIds = strikeNoticeIds == null ? List.of() : List.copyOf(strikeNoticeIds);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subjectKey() {
        return account.key();
    }
}
