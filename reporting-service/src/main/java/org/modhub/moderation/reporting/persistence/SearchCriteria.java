package org.modhub.moderation.reporting.persistence;

import java.time.Instant;

import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.reporting.domain.ReportStatus;

/** Staff search criteria; null means "any". {@code to} is exclusive. */
public record SearchCriteria(
        String subjectKey,
        PolicyCategory category,
        ReportStatus status,
        SourceType sourceType,
        ReportChannel channel,
        Instant from,
        Instant to) {}
