package org.modhub.moderation.console.dmca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.console.dmca.DmcaViews.Countdown;
import org.modhub.moderation.console.dmca.DmcaViews.Deficiency;
import org.modhub.moderation.console.dmca.DmcaViews.ElementCheck;
import org.modhub.moderation.console.dmca.DmcaViews.OwnerChoice;
import org.modhub.moderation.contracts.event.dmca.DmcaNoticeElement;

/** What the DMCA pages say and send, without a browser: the words legal reads and the owners a form becomes. */
class DmcaViewsTest {

    @Test
    void theCountdownReadsAsADateAndTheBusinessDaysTheServiceCounted() {
        Instant at = Instant.parse("2026-12-12T05:00:00Z");
        assertThat(new Countdown(at, LocalDate.of(2026, 12, 12), 9, "America/New_York").text())
                .isEqualTo("Restores on 12 Dec 2026 — 9 business days left");
        assertThat(new Countdown(at, LocalDate.of(2026, 12, 12), 1, "America/New_York").text())
                .isEqualTo("Restores on 12 Dec 2026 — 1 business day left");
    }

    @Test
    void everyElementIsListedInStatutoryOrderWithWhatTheServiceFoundWrong() {
        List<ElementCheck> checks = ElementCheck.of(
                List.of(DmcaNoticeElement.SIGNATURE, DmcaNoticeElement.MATERIAL_IDENTIFIED),
                List.of(new Deficiency(
                        DmcaNoticeElement.MATERIAL_IDENTIFIED,
                        "infringingMaterial[0].url",
                        "is not a URL on this hub")));
        assertThat(checks).extracting(ElementCheck::numeral).containsExactly("i", "ii", "iii", "iv", "v", "vi");
        assertThat(checks).extracting(ElementCheck::met).containsExactly(false, true, false, true, true, true);
        assertThat(checks.get(2).problems()).containsExactly("infringingMaterial[0].url: is not a URL on this hub");
        assertThat(checks.get(2).title()).isEqualTo("(iii) Infringing material identified");
        assertThat(checks.get(5).code()).isEqualTo("accuracy-and-authority-statement");
    }

    @Test
    void tickedOwnersAreGroupedByAccountAndNoneTickedLeavesTheChoiceToTheService() {
        assertThat(DmcaForms.owners(
                        List.of("alice model:alice/a", "bob model:bob/b", "alice dataset:alice/d", "malformed", "x ")))
                .containsExactly(
                        new OwnerChoice("alice", List.of("model:alice/a", "dataset:alice/d")),
                        new OwnerChoice("bob", List.of("model:bob/b")));
        assertThat(DmcaForms.owners(List.of())).isNull();
        assertThat(DmcaForms.owners(null)).isNull();
    }
}
