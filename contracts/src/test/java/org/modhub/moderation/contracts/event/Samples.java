package org.modhub.moderation.contracts.event;

import static org.modhub.moderation.contracts.action.ModerationAction.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.dsa.DsaTerritories;
import org.modhub.moderation.contracts.event.appeals.AppealFiled;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.appeals.AppellantReinstated;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.appeals.AppellantSuspended;
import org.modhub.moderation.contracts.event.appeals.AppellantWarned;
import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;
import org.modhub.moderation.contracts.event.appeals.DisputeRecorded;
import org.modhub.moderation.contracts.event.appeals.DisputeSettled;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.CounterNoticeReceived;
import org.modhub.moderation.contracts.event.dmca.CourtActionReported;
import org.modhub.moderation.contracts.event.dmca.DmcaNoticeElement;
import org.modhub.moderation.contracts.event.dmca.NoticeChannel;
import org.modhub.moderation.contracts.event.dmca.NoticeReceived;
import org.modhub.moderation.contracts.event.dmca.RestorationReason;
import org.modhub.moderation.contracts.event.dmca.RestorationScheduled;
import org.modhub.moderation.contracts.event.dmca.StrikeRecorded;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.contracts.event.dmca.TakedownScope;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.contracts.event.matching.DerivationRelation;
import org.modhub.moderation.contracts.event.matching.DerivativeFound;
import org.modhub.moderation.contracts.event.matching.MatchKind;
import org.modhub.moderation.contracts.event.matching.MatchedFile;
import org.modhub.moderation.contracts.event.matching.UploadMatched;
import org.modhub.moderation.contracts.event.matching.UploadVerdict;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;
import org.modhub.moderation.contracts.event.reporting.NotifierReinstated;
import org.modhub.moderation.contracts.event.reporting.NotifierSuspended;
import org.modhub.moderation.contracts.event.reporting.NotifierWarned;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.contracts.event.reporting.ReportWithdrawn;
import org.modhub.moderation.contracts.event.review.CaseEscalated;
import org.modhub.moderation.contracts.event.review.CaseOpened;
import org.modhub.moderation.contracts.event.review.ChangesRequested;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.event.review.EscalationReason;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Severity;

/** One valid payload of every registered event type, with every nullable field filled. */
public final class Samples {

    public static final Instant T0 = Instant.parse("2025-06-02T09:15:30.123456Z");
    public static final Instant T1 = T0.plusSeconds(3600);
    public static final Instant LATER = T0.plusSeconds(14 * 24 * 3600);

    public static final SubjectRef MODEL = SubjectRef.parse("model:acme/llama-7b");
    public static final SubjectRef FILE = SubjectRef.parse("file:model:acme/llama-7b@main:weights/model.safetensors");
    public static final SubjectRef ACCOUNT = SubjectRef.parse("account:acme");

    public static final UUID REPORT_ID = UUID.fromString("0b6c7f1e-6b0a-4d6e-9a55-2f1d3c4b5a60");
    public static final UUID CASE_ID = UUID.fromString("1c7d8a2f-7c1b-4e7f-8b66-3a2e4d5c6b71");
    public static final UUID DECISION_ID = UUID.fromString("2d8e9b30-8d2c-4f80-9c77-4b3f5e6d7c82");
    public static final UUID NOTICE_ID = UUID.fromString("3e9fac41-9e3d-4091-8d88-5c406f7e8d93");
    public static final UUID COUNTER_NOTICE_ID = UUID.fromString("4fa0bd52-af4e-41a2-9e99-6d5170809ea4");
    public static final UUID APPEAL_ID = UUID.fromString("50b1ce63-b05f-42b3-afaa-7e628191afb5");
    public static final UUID DISPUTE_ID = UUID.fromString("72d3e085-d271-44d5-b1cc-9a84b3a3c1d7");

    private Samples() {}

    public static ReportFiled reportFiled() {
        return new ReportFiled(
                REPORT_ID,
                MODEL,
                PolicyCategory.HARMFUL_OR_ABUSIVE,
                PolicySubcategory.HATE_SPEECH,
                "The model card's examples are slurs against a religious group.",
                List.of("https://hub.example/acme/llama-7b/blob/main/README.md"),
                ReportChannel.IN_PLATFORM,
                SourceType.SOURCE_ARTICLE_16,
                false,
                false,
                ReportVisibility.PUBLIC,
                "user-42",
                "reporter@example.org",
                "DE",
                T0);
    }

    public static DecisionTaken decisionTaken() {
        return new DecisionTaken(
                DECISION_ID,
                CASE_ID,
                MODEL,
                "user-7",
                "DE",
                List.of(DISABLE, SUSPEND_ACCOUNT),
                DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT,
                PolicyCategory.HARMFUL_OR_ABUSIVE,
                PolicySubcategory.HATE_SPEECH,
                DsaTerritories.EEA,
                LATER,
                "Model card contains hate speech examples.",
                "Hate speech is not allowed on the hub (Content Policy, 3).",
                "2025-04-10",
                "mod-1",
                "senior-2",
                AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED,
                DecisionOrigin.REPORT,
                List.of(REPORT_ID),
                null,
                null,
                false,
                T1);
    }

    /** Every registered payload class mapped to a sample instance. */
    public static Map<Class<? extends EventPayload>, EventPayload> all() {
        Map<Class<? extends EventPayload>, EventPayload> samples = new LinkedHashMap<>();
        put(samples, reportFiled());
        put(samples, new ReportWithdrawn(REPORT_ID, MODEL, "user-42", "Filed by mistake.", T1));
        put(
                samples,
                new NotifierWarned(
                        "user-42",
                        "reporter@example.org",
                        "Three manifestly unfounded reports.",
                        List.of(REPORT_ID),
                        T1));
        put(
                samples,
                new NotifierSuspended(
                        "user-42", null, "Unfounded reports after a warning.", List.of(REPORT_ID), T1, LATER));
        put(samples, new NotifierReinstated(null, "reporter@example.org", "Suspension period ended.", LATER));
        put(
                samples,
                new CaseOpened(
                        CASE_ID,
                        MODEL,
                        PolicyCategory.HARMFUL_OR_ABUSIVE,
                        PolicySubcategory.HATE_SPEECH,
                        Severity.HIGH,
                        DecisionOrigin.REPORT,
                        List.of(REPORT_ID),
                        null,
                        null,
                        T0));
        put(samples, new CaseEscalated(CASE_ID, MODEL, EscalationReason.OWNER_DEADLINE_EXPIRED, Severity.HIGH, LATER));
        put(
                samples,
                new ChangesRequested(
                        CASE_ID, MODEL, "user-7", LATER, "Please remove the examples from the card.", "mod-1", T1));
        put(samples, decisionTaken());
        put(
                samples,
                new DecisionReversed(
                        UUID.fromString("61c2df74-c160-43c4-b0bb-8f7392a2b0c6"),
                        DECISION_ID,
                        MODEL,
                        DecisionOrigin.APPEAL,
                        APPEAL_ID,
                        null,
                        "The examples were quotations in a safety dataset card.",
                        List.of(DISABLE, SUSPEND_ACCOUNT),
                        "senior-3",
                        LATER));
        put(
                samples,
                new NoticeReceived(
                        NOTICE_ID, List.of(FILE), NoticeChannel.EMAIL, List.of(DmcaNoticeElement.SIGNATURE), T0));
        put(samples, new TakedownOrdered(NOTICE_ID, List.of(FILE), "user-7", TakedownScope.PARTIAL, "legal-1", T1));
        put(samples, new CounterNoticeReceived(COUNTER_NOTICE_ID, NOTICE_ID, List.of(FILE), "user-7", T1));
        put(samples, new RestorationScheduled(NOTICE_ID, COUNTER_NOTICE_ID, List.of(FILE), LATER, T1));
        put(samples, new CourtActionReported(NOTICE_ID, COUNTER_NOTICE_ID, List.of(FILE), T1));
        put(
                samples,
                new ContentRestored(
                        NOTICE_ID,
                        COUNTER_NOTICE_ID,
                        List.of(FILE),
                        "user-7",
                        RestorationReason.COUNTER_NOTICE_PERIOD_ELAPSED,
                        LATER));
        put(samples, new StrikeRecorded("user-7", ACCOUNT, NOTICE_ID, 2, false, T1, List.of(NOTICE_ID)));
        put(samples, new AppealFiled(APPEAL_ID, DECISION_ID, MODEL, "user-7", AppellantRole.OWNER, T1));
        put(
                samples,
                new AppellantWarned(
                        "user-42",
                        "appellant@example.org",
                        "Three manifestly unfounded complaints.",
                        List.of(APPEAL_ID),
                        T0));
        put(
                samples,
                new AppellantSuspended(
                        "user-42", null, "Unfounded complaints after a warning.", List.of(APPEAL_ID), T0, LATER));
        put(samples, new AppellantReinstated(null, "appellant@example.org", "Suspension period ended.", LATER));
        put(
                samples,
                new DisputeRecorded(
                        DISPUTE_ID, DECISION_ID, APPEAL_ID, "Appeals Centre Europe", LocalDate.of(2025, 6, 2), T1));
        put(
                samples,
                new DisputeSettled(
                        DISPUTE_ID,
                        DECISION_ID,
                        DisputeOutcome.IN_FAVOUR_OF_RECIPIENT,
                        LocalDate.of(2025, 6, 2),
                        LocalDate.of(2025, 8, 1),
                        true,
                        LocalDate.of(2025, 8, 4),
                        LATER));
        put(
                samples,
                new AppealResolved(
                        APPEAL_ID,
                        DECISION_ID,
                        MODEL,
                        AppellantRole.OWNER,
                        AppealOutcome.MODIFIED,
                        List.of(TAG_NOT_FOR_ALL_AUDIENCES),
                        "A tag is enough for research quotations.",
                        "senior-3",
                        LATER));
        put(
                samples,
                new UploadMatched(
                        UUID.fromString("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"),
                        SubjectRef.parse("model:mallory/llama-7b-copy"),
                        MatchKind.CONTENT_HASH,
                        List.of(new MatchedFile(
                                "model.safetensors",
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")),
                        MODEL,
                        DECISION_ID,
                        "industry-list-2026-11",
                        "Removed: copyright infringement",
                        UploadVerdict.REFUSE,
                        T1));
        put(
                samples,
                new DerivativeFound(
                        SubjectRef.parse("model:bob/llama-7b-q4"),
                        MODEL,
                        DECISION_ID,
                        DerivationRelation.QUANTIZED,
                        List.of(
                                SubjectRef.parse("model:carol/llama-7b-chat"),
                                SubjectRef.parse("model:bob/llama-7b-q4")),
                        T1));
        put(
                samples,
                new NotificationRequested(
                        "report-receipt",
                        "reporter@example.org",
                        "user-42",
                        "de-DE",
                        Map.of("reportId", REPORT_ID.toString(), "subjectUrl", "https://hub.example/acme/llama-7b"),
                        NotificationRequested.threadKey("report", REPORT_ID),
                        Mailboxes.SAFETY,
                        "report-receipt:" + REPORT_ID,
                        T0,
                        "<abc123@mail.example>"));
        put(
                samples,
                new InboundMailReceived(
                        Mailboxes.DMCA,
                        "<abc123@mail.example>",
                        "<prev@hub.example>",
                        List.of("<prev@hub.example>"),
                        "notice:" + NOTICE_ID,
                        "claimant@example.com",
                        List.of("dmca+notice-3e9f@hub.example"),
                        "Re: Your takedown notice",
                        "Here is my signature.",
                        T0,
                        List.of(new MailAttachment("signature.pdf", "application/pdf", 20480))));
        UUID privacyRequestId = UUID.fromString("5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        put(
                samples,
                new PrivacyRequested(
                        privacyRequestId,
                        PrivacyRequestKind.ERASURE,
                        "user-42",
                        List.of("Reporter@Example.org"),
                        "legal-1",
                        T0));
        put(
                samples,
                new PrivacyAnswered(
                        privacyRequestId,
                        "dmca-service",
                        PrivacyRequestKind.ERASURE,
                        1,
                        1,
                        List.of(new PersonalDataItem(
                                "dmca-counter-notice",
                                "3e9f0c1a-2b3c-4d5e-8f9a-0b1c2d3e4f5a",
                                "Your counter-notice of 2026-11-25 on model:acme/llama-7b",
                                "17 U.S.C. 512(g): the record of a restoration; kept 3 years after the case closed",
                                ItemTreatment.HELD,
                                "17 U.S.C. 512(g) and 507(b)",
                                T1,
                                Map.of())),
                        T1));
        return samples;
    }

    private static void put(Map<Class<? extends EventPayload>, EventPayload> samples, EventPayload payload) {
        samples.put(payload.getClass(), payload);
    }
}
