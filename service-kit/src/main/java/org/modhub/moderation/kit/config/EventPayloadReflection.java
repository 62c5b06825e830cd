package org.modhub.moderation.kit.config;

import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.dsa.DsaContentType;
import org.modhub.moderation.contracts.dsa.DsaDecisionAccount;
import org.modhub.moderation.contracts.dsa.DsaDecisionVisibility;
import org.modhub.moderation.contracts.dsa.DsaKeyword;
import org.modhub.moderation.contracts.dsa.DsaStatementCategory;
import org.modhub.moderation.contracts.event.EventEnvelope;
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
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Severity;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every class Jackson writes to or reads from Kafka, kept for reflection in a native image: the
 * CloudEvents envelope, every event payload of {@code contracts} and the records and enums they
 * are made of. Written once here so each service's native image has them all; k8s/'s
 * {@code NativeSourcesIT} fails if a payload registered in {@code EventTypes} (or a type it is made
 * of) is missing from a service's native-image reflection configuration.
 */
@RegisterForReflection(
        targets = {
            AutomatedDecision.class,
            DecisionGround.class,
            ModerationAction.class,
            SourceType.class,
            DsaContentType.class,
            DsaDecisionAccount.class,
            DsaDecisionVisibility.class,
            DsaKeyword.class,
            DsaStatementCategory.class,
            EventEnvelope.class,
            AppealFiled.class,
            AppealOutcome.class,
            AppealResolved.class,
            AppellantReinstated.class,
            AppellantRole.class,
            AppellantSuspended.class,
            AppellantWarned.class,
            DisputeOutcome.class,
            DisputeRecorded.class,
            DisputeSettled.class,
            ContentRestored.class,
            CounterNoticeReceived.class,
            CourtActionReported.class,
            DmcaNoticeElement.class,
            NoticeChannel.class,
            NoticeReceived.class,
            RestorationReason.class,
            RestorationScheduled.class,
            StrikeRecorded.class,
            TakedownOrdered.class,
            TakedownScope.class,
            InboundMailReceived.class,
            MailAttachment.class,
            DerivationRelation.class,
            DerivativeFound.class,
            MatchKind.class,
            MatchedFile.class,
            UploadMatched.class,
            UploadVerdict.class,
            NotificationRequested.class,
            ItemTreatment.class,
            PersonalDataItem.class,
            PrivacyAnswered.class,
            PrivacyRequestKind.class,
            PrivacyRequested.class,
            NotifierReinstated.class,
            NotifierSuspended.class,
            NotifierWarned.class,
            ReportChannel.class,
            ReportFiled.class,
            ReportVisibility.class,
            ReportWithdrawn.class,
            CaseEscalated.class,
            CaseOpened.class,
            ChangesRequested.class,
            DecisionOrigin.class,
            DecisionReversed.class,
            DecisionTaken.class,
            EscalationReason.class,
            SubjectKind.class,
            SubjectRef.class,
            PolicyCategory.class,
            PolicySubcategory.class,
            Severity.class
        })
public final class EventPayloadReflection {

    private EventPayloadReflection() {}
}
