package org.modhub.moderation.dmca.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A court action as recorded on its counter-notice: the claimant's evidence, who recorded it, and
 * the mailed evidence legal confirmed when it came that way (null when entered by REST).
 */
public record CourtActionRecord(
        String court,
        String caseNumber,
        LocalDate filedOn,
        String documentUrl,
        String note,
        String recordedBy,
        UUID evidenceId) {

    public static CourtActionRecord of(CourtAction action, String recordedBy, UUID evidenceId) {
        return new CourtActionRecord(
                action.court(),
                action.caseNumber(),
                action.filedOn(),
                action.documentUrl(),
                action.note(),
                recordedBy,
                evidenceId);
    }
}
