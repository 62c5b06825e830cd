package org.modhub.moderation.review.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.matching.MatchedFile;
import org.modhub.moderation.review.domain.Detection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One tie between a case and content a decision removed, as one event of matching.events made it. */
@Entity
@Table(name = "case_link")
public class CaseLinkEntity {

    /** {@code match:<matchId>}, or {@code derivative:<decisionId>:<subject>}: one row per match, ever. */
    @Id
    @Column(name = "link_key")
    public String linkKey;

    /** The order links were made in (the database numbers them). */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Detection detection;

    @Column(name = "linked_decision_id")
    public UUID linkedDecisionId;

    @Column(name = "linked_subject")
    public String linkedSubject;

    /** For an imported list's entry, the list it names (another hub, an industry list). */
    @Column(name = "list_source")
    public String listSource;

    /** The bank entry's reason, as staff read it. */
    public String reason;

    /** What the hub was told to do with the upload (REFUSE, HOLD_FOR_REVIEW); null for a derivative. */
    public String verdict;

    /** For a derivative, how it derives from the model above it in the chain. */
    public String relation;

    public List<String> chain = List.of();

    @Column(name = "matched_paths")
    public List<String> matchedPaths = List.of();

    @Column(name = "matched_hashes")
    public List<String> matchedHashes = List.of();

    /** The matched files, as the event named them. */
    public List<MatchedFile> matchedFiles() {
        return java.util.stream.IntStream.range(0, Math.min(matchedPaths.size(), matchedHashes.size()))
                .mapToObj(i -> new MatchedFile(matchedPaths.get(i), matchedHashes.get(i)))
                .toList();
    }

    public void matchedFiles(List<MatchedFile> files) {
        matchedPaths = files.stream().map(MatchedFile::path).toList();
        matchedHashes = files.stream().map(MatchedFile::sha256).toList();
    }

    @Column(name = "linked_at")
    public Instant linkedAt;
}
