package org.modhub.moderation.reporting.domain;

import java.util.List;

import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;

/** A validated report or flag, ready to be filed. */
public record NewReport(
        SubjectRef subject,
        String hubUrl,
        PolicyCategory category,
        PolicySubcategory subcategory,
        String explanation,
        List<String> evidenceUrls,
        String jurisdiction,
        boolean allegesIllegal,
        boolean goodFaithStatement,
        String contactEmail,
        boolean showReporterPublicly) {}
