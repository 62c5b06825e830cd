package org.modhub.moderation.matching.domain;

import java.util.UUID;

import org.modhub.moderation.contracts.event.matching.UploadVerdict;

/**
 * Why a set of hashes is banked: a decision that removed or disabled content, or a group of rows of an imported
 * list (one list source, reason and verdict).
 *
 * @param id the source's id, the one the {@link HashIndex} holds per hash
 * @param kind decision or import
 * @param decisionId the decision, for a DECISION source
 * @param subjectKey what the decision was about (a repository or file key), for a DECISION source
 * @param importId the import, for an IMPORT source
 * @param listSource who listed it (another hub, an industry list), for an IMPORT source
 * @param reason what staff will read: the decision's category title, or the list's reason
 * @param verdict what an upload holding these hashes gets
 * @param active false once withdrawn (a reversed decision, a deleted import)
 */
public record BankSource(
        int id,
        Kind kind,
        UUID decisionId,
        String subjectKey,
        UUID importId,
        String listSource,
        String reason,
        UploadVerdict verdict,
        boolean active) {

    public enum Kind {
        DECISION,
        IMPORT
    }
}
