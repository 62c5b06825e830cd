package org.modhub.moderation.contracts.event.matching;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * The hub's upload check recognised an upload: files with banked content hashes, or a card naming a removed model
 * as its base model. Review opens a case for the upload, linked to the decision behind the match, so a person
 * confirms; the hub already refused or held the upload as {@code verdict} says. One event per upload and bank
 * entry source: the same upload checked again within a day publishes nothing new.
 *
 * @param matchId this match, stable for an upload and the source it matched
 * @param subject the uploaded repository
 * @param kind how it was recognised
 * @param files the matching files (CONTENT_HASH); empty for BASE_MODEL
 * @param matchedSubject the removed content it matches: the subject of the decision, or the base model
 * @param decisionId the decision that banked the content; null for an imported list
 * @param listSource for an imported list, the source it names (another hub, an industry list)
 * @param reason the bank entry's reason, as staff will read it
 * @param verdict what the hub was told to do
 * @param matchedAt when the check ran
 */
public record UploadMatched(
        UUID matchId,
        SubjectRef subject,
        MatchKind kind,
        List<MatchedFile> files,
        @Nullable SubjectRef matchedSubject,
        @Nullable UUID decisionId,
        @Nullable String listSource,
        String reason,
        UploadVerdict verdict,
        Instant matchedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.matching.UploadMatched.v1";

    public UploadMatched {
        required(matchId, "matchId");
        required(subject, "subject");
        required(kind, "kind");
        files = list(files, "files");
        check(kind != MatchKind.CONTENT_HASH || !files.isEmpty(), "a CONTENT_HASH match names its files");
        check(kind != MatchKind.BASE_MODEL || files.isEmpty(), "a BASE_MODEL match names no files");
        check(kind != MatchKind.BASE_MODEL || matchedSubject != null, "a BASE_MODEL match names the base model");
        check(decisionId != null || listSource != null, "a match names the decision or the list behind it");
        text(reason, "reason");
        required(verdict, "verdict");
        check(verdict != UploadVerdict.ACCEPT, "a match is refused or held, never simply accepted");
        required(matchedAt, "matchedAt");
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subjectKey() {
        return subject.key();
    }
}
