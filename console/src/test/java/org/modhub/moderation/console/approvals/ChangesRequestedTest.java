package org.modhub.moderation.console.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.console.approvals.ChangesRequestedResource.Returned;
import org.modhub.moderation.console.approvals.ChangesRequestedResource.Waiting;
import org.modhub.moderation.console.services.CaseSummary;
import org.modhub.moderation.console.services.CaseWork;
import org.modhub.moderation.console.services.Decision;

/** Whose returned case it is, and which request a waiting case is waiting on: read from review-service's case detail. */
class ChangesRequestedTest {

    private static final Instant NOW = Instant.now();

    @Test
    void aRejectedDecisionGoesBackToItsDeciderWithTheApproversReason() {
        Decision earlier = decision("d-1", "ENFORCED", "mo2", null, null);
        Decision rejected = decision("d-2", "REJECTED", "alice", "sam", "Too broad");
        CaseWork work = new CaseWork(
                summary("OPEN", "Decision d-2 rejected by sam: Too broad"), List.of(earlier, rejected), List.of());

        Returned r = Returned.of(work);

        assertThat(r.sentBackTo()).isEqualTo("alice");
        assertThat(r.rejected().rejectionReason()).isEqualTo("Too broad");
        assertThat(r.request()).isNull();
    }

    @Test
    void theOwnersAnswerGoesBackToWhoAskedForTheChanges() {
        CaseWork.OwnerRequest answered = request("alice", NOW.minus(Duration.ofDays(1)), NOW.minusSeconds(60), null);
        CaseWork work = new CaseWork(
                summary("OPEN", "The owner answered (CHANGED)"),
                List.of(decision("d-1", "ENFORCED", "alice", null, null)),
                List.of(answered));

        Returned r = Returned.of(work);

        assertThat(r.rejected()).isNull();
        assertThat(r.sentBackTo()).isEqualTo("alice");
    }

    @Test
    void aWaitingCaseShowsItsOpenRequestAndIsOverdueOnlyPastTheDeadline() {
        CaseWork.OwnerRequest old =
                request("alice", NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(8)), null);
        CaseWork.OwnerRequest open = request("alice", NOW.minus(Duration.ofHours(1)), null, null);
        Waiting w = Waiting.of(new CaseWork(summary("AWAITING_OWNER", null), List.of(), List.of(old, open)));

        assertThat(w.request()).isSameAs(open);
        assertThat(w.overdue()).isTrue();
        assertThat(w.askedBy()).isEqualTo("alice");

        CaseWork.OwnerRequest future = new CaseWork.OwnerRequest(
                "r-3", "owner", "Fix it", NOW.plus(Duration.ofDays(3)), "bob", NOW, null, null, null);
        assertThat(Waiting.of(new CaseWork(summary("AWAITING_OWNER", null), List.of(), List.of(future)))
                        .overdue())
                .isFalse();
    }

    private static CaseWork.OwnerRequest request(String by, Instant deadline, Instant respondedAt, Instant expiredAt) {
        return new CaseWork.OwnerRequest(
                "r-" + deadline.toEpochMilli(),
                "owner",
                "Remove the advert",
                deadline,
                by,
                deadline.minus(Duration.ofDays(7)),
                respondedAt == null ? null : "CHANGED",
                respondedAt,
                expiredAt);
    }

    private static CaseSummary summary(String state, String returnReason) {
        return new CaseSummary(
                "c-1",
                "model:acme/x",
                state,
                "platform_abuse",
                null,
                "LOW",
                3,
                false,
                null,
                1,
                0,
                null,
                NOW.plus(Duration.ofDays(1)),
                false,
                "NOTICE",
                returnReason,
                NOW,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of());
    }

    private static Decision decision(String id, String status, String by, String rejectedBy, String reason) {
        return new Decision(
                id,
                "c-1",
                "MODERATION",
                status,
                "model:acme/x",
                "owner",
                List.of("DISABLE"),
                "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                "platform_abuse",
                "spam",
                List.of(),
                null,
                "facts",
                "why",
                "2025-04-10",
                by,
                null,
                "NOTICE",
                true,
                null,
                rejectedBy,
                reason,
                null,
                NOW,
                null);
    }
}
