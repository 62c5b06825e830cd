package org.modhub.moderation.review.config;

import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.dsa.DsaAccountType;
import org.modhub.moderation.contracts.dsa.DsaContentType;
import org.modhub.moderation.contracts.dsa.DsaDecisionAccount;
import org.modhub.moderation.contracts.dsa.DsaDecisionMonetary;
import org.modhub.moderation.contracts.dsa.DsaDecisionProvision;
import org.modhub.moderation.contracts.dsa.DsaDecisionVisibility;
import org.modhub.moderation.contracts.dsa.DsaKeyword;
import org.modhub.moderation.contracts.dsa.DsaStatementCategory;
import org.modhub.moderation.contracts.dsa.DsaYesNo;
import org.modhub.moderation.contracts.dsa.TransparencyStatement;
import org.modhub.moderation.contracts.event.appeals.AppealFiled;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.appeals.AppellantSuspended;
import org.modhub.moderation.contracts.event.appeals.DisputeRecorded;
import org.modhub.moderation.contracts.event.appeals.DisputeSettled;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.CounterNoticeReceived;
import org.modhub.moderation.contracts.event.dmca.CourtActionReported;
import org.modhub.moderation.contracts.event.dmca.NoticeReceived;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.reporting.NotifierSuspended;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.reporting.ReportWithdrawn;
import org.modhub.moderation.contracts.event.review.CaseEscalated;
import org.modhub.moderation.contracts.event.review.CaseOpened;
import org.modhub.moderation.contracts.event.review.ChangesRequested;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.review.domain.StatementOfReasons;
import org.modhub.moderation.review.transparency.TransparencyReport;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event payloads this service writes and reads, kept for Jackson in a native image. */
@RegisterForReflection(
        targets = {
            ReportFiled.class,
            ReportWithdrawn.class,
            TakedownOrdered.class,
            ContentRestored.class,
            AppealResolved.class,
            InboundMailReceived.class,
            MailAttachment.class,
            NotificationRequested.class,
            CaseOpened.class,
            CaseEscalated.class,
            ChangesRequested.class,
            DecisionTaken.class,
            DecisionReversed.class,
            AppealFiled.class,
            AppellantSuspended.class,
            DisputeRecorded.class,
            DisputeSettled.class,
            NoticeReceived.class,
            CounterNoticeReceived.class,
            CourtActionReported.class,
            NotifierSuspended.class,
            org.modhub.moderation.contracts.event.dmca.StrikeRecorded.class,
            org.modhub.moderation.contracts.event.matching.UploadMatched.class,
            org.modhub.moderation.contracts.event.matching.DerivativeFound.class,
            org.modhub.moderation.contracts.event.matching.MatchedFile.class,
            // statements of reasons: the stored statement, and the Transparency Database's format
            StatementOfReasons.class,
            TransparencyStatement.class,
            DsaDecisionVisibility.class,
            DsaDecisionMonetary.class,
            DsaDecisionProvision.class,
            DsaDecisionAccount.class,
            DsaAccountType.class,
            DecisionGround.class,
            DsaYesNo.class,
            DsaContentType.class,
            DsaStatementCategory.class,
            DsaKeyword.class,
            SourceType.class,
            AutomatedDecision.class,
            org.modhub.moderation.contracts.taxonomy.LegalProvision.class,
            org.modhub.moderation.contracts.taxonomy.PolicyClause.class,
            // the transparency report's sections: serialised, and read component by component for its rows
            TransparencyReport.class,
            TransparencyReport.Notices.class,
            TransparencyReport.Decisions.class,
            TransparencyReport.Complaints.class,
            TransparencyReport.Disputes.class,
            TransparencyReport.Suspensions.class,
            TransparencyReport.Dmca.class
        })
public final class NativeRegistrations {

    private NativeRegistrations() {}
}
