package org.modhub.moderation.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modhub.moderation.contracts.action.ModerationAction.*;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.dmca.NoticeReceived;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.contracts.event.dmca.TakedownScope;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.reporting.NotifierWarned;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;

/** The records enforce what the schemas promise, and the rules of the moderation process. */
class PayloadInvariantsTest {

    /**
     * Every component without {@link Nullable} is required (the schema lists it as required), so
     * the record must reject null for it, naming it. A {@code @Nullable} one may still be required
     * by a rule of the process (a suspension needs its end date), but never unconditionally.
     */
    @TestFactory
    List<DynamicTest> requiredComponentsRejectNull() {
        List<DynamicTest> tests = new ArrayList<>();
        for (EventPayload sample : Samples.all().values()) {
            RecordComponent[] components = sample.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                if (component.getType().isPrimitive()) {
                    continue;
                }
                int index = i;
                String name = sample.getClass().getSimpleName() + "." + component.getName();
                boolean nullable = component.isAnnotationPresent(Nullable.class);
                tests.add(DynamicTest.dynamicTest(name + (nullable ? " is optional" : " is required"), () -> {
                    if (nullable) {
                        try {
                            with(sample, index, null);
                        } catch (IllegalArgumentException conditional) {
                            // PayloadChecks.required's message: the component is checked unconditionally.
                            assertThat(conditional.getMessage())
                                    .as(name + " is @Nullable but treated as required")
                                    .isNotEqualTo(component.getName() + " is required");
                        }
                    } else {
                        assertThatThrownBy(() -> with(sample, index, null))
                                .as(name + " has no @Nullable, so null must be rejected")
                                .isInstanceOf(IllegalArgumentException.class)
                                .hasMessageContaining(component.getName());
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    void optionalComponentsCanBeLeftOut() {
        ReportFiled report = Samples.reportFiled();
        assertThat(with(with(report, "subcategory", null), "jurisdiction", null).subcategory())
                .isNull();
        ReportFiled byMail = new ReportFiled(
                report.reportId(),
                report.subject(),
                report.category(),
                null,
                report.explanation(),
                List.of(),
                ReportChannel.EMAIL,
                SourceType.SOURCE_TYPE_OTHER_NOTIFICATION,
                false,
                false,
                ReportVisibility.PRIVATE,
                null,
                "someone@example.org",
                null,
                report.filedAt());
        assertThat(byMail.reporterId()).isNull();
        InboundMailReceived mail = (InboundMailReceived) Samples.all().get(InboundMailReceived.class);
        assertThat(with(with(mail, "inReplyTo", null), "threadToken", null).threadToken())
                .isNull();
    }

    @Test
    void listsAreDefensiveImmutableCopies() {
        List<UUID> ids = new ArrayList<>(List.of(Samples.REPORT_ID));
        NotifierWarned warned = new NotifierWarned("u", null, "r", ids, Samples.T0);
        ids.clear();
        assertThat(warned.unfoundedReportIds()).containsExactly(Samples.REPORT_ID);
        assertThatThrownBy(() -> warned.unfoundedReportIds().add(UUID.randomUUID()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aSevereDecisionNeedsASecondDistinctApprover() {
        DecisionTaken decision = Samples.decisionTaken();
        assertThatThrownBy(() -> with(decision, "approvedBy", null))
                .hasMessageContaining("a severe action needs approvedBy");
        assertThatThrownBy(() -> with(decision, "approvedBy", decision.decidedBy()))
                .hasMessageContaining("approvedBy must be someone other than decidedBy");
        DecisionTaken mild =
                with(with(with(decision, "actions", List.of(UNRANK)), "endDate", null), "approvedBy", null);
        assertThat(mild.approvedBy()).isNull();
    }

    @Test
    void aSuspensionNeedsAnEndDateAfterTheDecision() {
        DecisionTaken decision = Samples.decisionTaken();
        assertThatThrownBy(() -> with(decision, "endDate", null)).hasMessageContaining("endDate is required");
        assertThatThrownBy(() -> with(decision, "endDate", decision.decidedAt().minusSeconds(1)))
                .hasMessageContaining("endDate must be after decidedAt");
    }

    @Test
    void aDecisionIsValidForItsSubjectAndFollowsTheDsaRules() {
        DecisionTaken decision = Samples.decisionTaken();
        assertThat(with(decision, "actions", List.of(GATE, SUSPEND_ACCOUNT)).actions())
                .contains(GATE);
        assertThatThrownBy(() ->
                        with(with(decision, "subject", SubjectRef.parse("space:acme/demo")), "actions", List.of(GATE)))
                .hasMessageContaining("GATE does not apply to a space");
        assertThatThrownBy(() -> with(decision, "ground", null)).hasMessageContaining("ground is required");
        assertThatThrownBy(() -> with(decision, "territorialScope", List.of()))
                .hasMessageContaining("territorialScope is required");
        assertThatThrownBy(() -> with(decision, "territorialScope", List.of("Germany")))
                .hasMessageContaining("ISO 3166-1 alpha-2");
        assertThatThrownBy(() -> with(decision, "subcategory", PolicySubcategory.SPAM))
                .hasMessageContaining("belongs to category 'platform_abuse'");
        assertThatThrownBy(() -> with(decision, "manifestlyUnfounded", true))
                .hasMessageContaining("only a NO_ACTION decision");
        assertThatThrownBy(() -> with(decision, "reportIds", List.of())).hasMessageContaining("origin REPORT");
        assertThatThrownBy(() -> with(decision, "origin", DecisionOrigin.DMCA)).hasMessageContaining("noticeId");
    }

    @Test
    void aNoActionDecisionNeedsNoGroundScopeOrApprover() {
        DecisionTaken decision = Samples.decisionTaken();
        DecisionTaken none = new DecisionTaken(
                decision.decisionId(),
                decision.caseId(),
                decision.subject(),
                decision.ownerId(),
                decision.ownerCountry(),
                List.of(NO_ACTION),
                null,
                decision.category(),
                null,
                List.of(),
                null,
                "The model card quotes hate speech to document a filter.",
                "No breach found.",
                "2025-04-10",
                "mod-1",
                null,
                decision.automatedDecision(),
                DecisionOrigin.REPORT,
                decision.reportIds(),
                null,
                null,
                true,
                decision.decidedAt());
        assertThat(none.manifestlyUnfounded()).isTrue();
    }

    @Test
    void aReversalLiftsRealRestrictionsOfAnotherDecision() {
        DecisionReversed reversal = (DecisionReversed) Samples.all().get(DecisionReversed.class);
        assertThatThrownBy(() -> with(reversal, "actionsLifted", List.of(NO_ACTION)))
                .hasMessageContaining("only restrictions");
        assertThatThrownBy(() -> with(reversal, "actionsLifted", List.of())).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> with(reversal, "reversedDecisionId", reversal.decisionId()))
                .hasMessageContaining("cannot reverse itself");
        assertThatThrownBy(() -> with(reversal, "appealId", null))
                .hasMessageContaining("origin APPEAL needs an appealId");
        assertThatThrownBy(() -> with(reversal, "origin", DecisionOrigin.REPORT))
                .hasMessageContaining("not a report");
    }

    @Test
    void aReportIsConsistentAboutItsSource() {
        ReportFiled report = Samples.reportFiled();
        assertThatThrownBy(() -> with(report, "subcategory", PolicySubcategory.SPAM))
                .hasMessageContaining("'spam' belongs to category 'platform_abuse'");
        assertThatThrownBy(() -> with(report, "trustedFlagger", true)).hasMessageContaining("SOURCE_TRUSTED_FLAGGER");
        ReportFiled trusted = new ReportFiled(
                report.reportId(),
                report.subject(),
                report.category(),
                report.subcategory(),
                report.explanation(),
                report.evidenceUrls(),
                report.channel(),
                SourceType.SOURCE_TRUSTED_FLAGGER,
                false,
                true,
                report.visibility(),
                report.reporterId(),
                report.reporterEmail(),
                report.jurisdiction(),
                report.filedAt());
        assertThat(trusted.trustedFlagger()).isTrue();
        assertThatThrownBy(() -> with(report, "channel", ReportChannel.DETECTOR))
                .hasMessageContaining("automatedDetection");
        assertThatThrownBy(() -> with(report, "reporterId", null))
                .hasMessageContaining("IN_PLATFORM report has a reporterId");
        assertThatThrownBy(() -> with(report, "evidenceUrls", List.of("javascript:alert(1)")))
                .hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> with(report, "evidenceUrls", List.of("file:///etc/passwd")))
                .hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> with(report, "jurisdiction", "de")).hasMessageContaining("ISO 3166-1");
        assertThatThrownBy(() -> with(report, "reporterEmail", "not an address"))
                .hasMessageContaining("not an e-mail address");
    }

    @Test
    void dmcaEventsFollowTheNoticeRules() {
        TakedownOrdered takedown = (TakedownOrdered) Samples.all().get(TakedownOrdered.class);
        assertThatThrownBy(() -> with(takedown, "subjects", List.of(Samples.MODEL)))
                .hasMessageContaining("PARTIAL takedown names only file: subjects");
        assertThat(with(with(takedown, "scope", TakedownScope.WHOLE), "subjects", List.of(Samples.MODEL))
                        .subjects())
                .containsExactly(Samples.MODEL);
        assertThatThrownBy(() -> with(takedown, "subjects", List.of())).hasMessageContaining("must not be empty");
        NoticeReceived notice = (NoticeReceived) Samples.all().get(NoticeReceived.class);
        assertThat(notice.complete()).isFalse();
        assertThat(with(notice, "missingElements", List.of()).complete()).isTrue();
    }

    @Test
    void appealOutcomesCarryMatchingActions() {
        AppealResolved resolved = (AppealResolved) Samples.all().get(AppealResolved.class);
        assertThatThrownBy(() -> with(resolved, "outcome", AppealOutcome.UPHELD))
                .hasMessageContaining("UPHELD");
        assertThatThrownBy(() -> with(resolved, "newActions", List.of())).hasMessageContaining("MODIFIED");
        assertThatThrownBy(() -> with(resolved, "newActions", List.of(NO_ACTION, UNRANK)))
                .hasMessageContaining("NO_ACTION cannot be combined");
    }

    @Test
    void mailEventsNameKnownMailboxes() {
        NotificationRequested request = (NotificationRequested) Samples.all().get(NotificationRequested.class);
        assertThatThrownBy(() -> with(request, "replyMailbox", "abuse")).hasMessageContaining("replyMailbox");
        assertThatThrownBy(() -> with(request, "threadKey", "report 1")).hasMessageContaining("threadKey");
        assertThatThrownBy(() -> with(request, "locale", "english please")).hasMessageContaining("locale");
        assertThatThrownBy(() -> with(request, "parameters", Map.of("1bad", "x")))
                .hasMessageContaining("parameter name");
        InboundMailReceived mail = (InboundMailReceived) Samples.all().get(InboundMailReceived.class);
        assertThatThrownBy(() -> with(mail, "mailbox", "postmaster")).hasMessageContaining("mailbox must be one of");
        assertThat(Mailboxes.ALL).contains(mail.mailbox());
    }

    // --- record copy helpers ---

    /** A copy of {@code record} with the named component replaced. */
    static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(component)) {
                return with(record, i, value);
            }
        }
        throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + component);
    }

    @SuppressWarnings("unchecked")
    static <R> R with(R record, int index, Object value) {
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = i == index ? value : components[i].getAccessor().invoke(record);
            }
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
            return (R) constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
