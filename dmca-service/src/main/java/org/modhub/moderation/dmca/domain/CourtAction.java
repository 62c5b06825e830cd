package org.modhub.moderation.dmca.domain;

import java.time.LocalDate;

/** The claimant's evidence that it filed an action seeking a court order (512(g)(2)(C)). */
public record CourtAction(String court, String caseNumber, LocalDate filedOn, String documentUrl, String note) {}
