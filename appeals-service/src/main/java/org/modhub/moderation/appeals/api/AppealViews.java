package org.modhub.moderation.appeals.api;

import java.util.Arrays;
import java.util.List;

import org.modhub.moderation.appeals.persistence.AppealEntity;
import org.modhub.moderation.appeals.persistence.AppellantStandingEntity;
import org.modhub.moderation.appeals.persistence.DisputeEntity;

/** Turns entities into responses: the appellant's view, or staff's with who appealed and who reviewed. */
public final class AppealViews {

    private AppealViews() {}

    public static AppealResponse appellant(AppealEntity a) {
        return view(a, false);
    }

    public static AppealResponse staff(AppealEntity a) {
        return view(a, true);
    }

    private static AppealResponse view(AppealEntity a, boolean staff) {
        List<String> actions =
                a.newActions == null || a.newActions.isBlank() ? null : Arrays.asList(a.newActions.split(","));
        return new AppealResponse(
                a.id,
                a.decisionId,
                a.subjectKey,
                a.appellantRole.name(),
                a.channel.name(),
                a.status.name(),
                a.arguments,
                a.evidenceUrls,
                a.residence,
                a.filedAt,
                a.windowClosesOn,
                a.dueAt,
                a.escalatedAt != null,
                a.outcome == null ? null : a.outcome.name(),
                actions,
                a.explanation,
                a.resolvedAt,
                staff ? a.appellantId : null,
                staff ? a.appellantEmail : null,
                staff ? a.identityVerified : null,
                staff ? a.reviewerId : null,
                staff ? a.manifestlyUnfounded : null);
    }

    public static DisputeResponse dispute(DisputeEntity d) {
        return new DisputeResponse(
                d.id,
                d.decisionId,
                d.appealId,
                d.body,
                d.submittedOn,
                d.settledOn,
                d.outcome == null ? null : d.outcome.name(),
                d.implemented,
                d.implementedOn,
                d.notes,
                d.recordedBy);
    }

    public static StandingResponse standing(AppellantStandingEntity s, java.time.Instant now) {
        boolean suspended = s.suspendedAt(now);
        return new StandingResponse(
                s.appellantKey,
                s.appealsFiled,
                s.unfoundedAppeals,
                s.warnings,
                s.lastWarnedAt,
                s.suspensions,
                suspended,
                suspended ? s.suspendedUntil : null,
                suspended ? s.suspensionReason : null);
    }
}
