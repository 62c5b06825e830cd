package org.modhub.moderation.console.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.console.services.TransparencyFigures;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;
import org.modhub.moderation.contracts.event.dmca.RestorationReason;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;

/** The report as auditors read it: every key review-service sends comes out in words, cross-tabs as full tables. */
class ReportViewTest {

    @Test
    void everyKeyTheServiceSendsIsShownInWordsNeverAsAnEnumName() {
        ReportView view = ReportView.of(figures());

        List<String> shown = new ArrayList<>();
        view.sections().forEach(s -> {
            s.figures().forEach(f -> shown.add(f.label()));
            s.breakdowns().forEach(b -> b.rows().forEach(r -> shown.add(r.label())));
            s.crossTabs().forEach(x -> {
                shown.addAll(x.columns());
                x.rows().forEach(r -> shown.add(r.label()));
            });
        });
        assertThat(shown).isNotEmpty().noneMatch(label -> label.matches(".*[A-Z]{2,}_[A-Z].*"));
        assertThat(shown)
                .contains(
                        "Notice submitted by a trusted flagger",
                        "5. Platform Abuse, Security Violations and Spam",
                        "No ground (no action taken)",
                        SourceType.SOURCE_ARTICLE_16.label());
    }

    @Test
    void aCrossTabulationHasAColumnPerInnerKeyAndTheCountsInTheirCells() {
        ReportView view = ReportView.of(figures());

        ReportView.CrossTab bySource = view.sections().get(0).crossTabs().get(0);
        assertThat(bySource.columns()).hasSize(SourceType.values().length);
        ReportView.CrossRow abuse = bySource.rows().stream()
                .filter(r -> r.label().startsWith("5."))
                .findFirst()
                .orElseThrow();
        int trusted = Arrays.asList(SourceType.values()).indexOf(SourceType.SOURCE_TRUSTED_FLAGGER);
        assertThat(abuse.values().get(trusted)).isEqualTo("7");
    }

    @Test
    void aMedianWithoutDataSaysSoInsteadOfShowingZero() {
        ReportView view = ReportView.of(figures());

        assertThat(view.sections().get(0).figures())
                .contains(new ReportView.Figure("Median time to decision", "no data"));
        assertThat(view.sections().get(2).figures())
                .contains(new ReportView.Figure("Median time to decide", "2.5 days"));
    }

    private static TransparencyFigures figures() {
        Map<String, Map<String, Long>> byCategoryAndSource = new LinkedHashMap<>();
        for (PolicyCategory c : PolicyCategory.values()) {
            byCategoryAndSource.put(c.name(), zeros(SourceType.class));
        }
        byCategoryAndSource.get("PLATFORM_ABUSE").put("SOURCE_TRUSTED_FLAGGER", 7L);
        Map<String, Long> grounds = zeros(DecisionGround.class);
        grounds.put("NONE", 1L);
        Map<String, Map<String, Long>> byActionAndGround = new LinkedHashMap<>();
        for (ModerationAction a : ModerationAction.values()) {
            byActionAndGround.put(a.name(), new LinkedHashMap<>(grounds));
        }
        return new TransparencyFigures(
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"),
                new TransparencyFigures.Notices(
                        9, 1, 7, 0, zeros(SourceType.class), zeros(PolicyCategory.class), byCategoryAndSource, 3, null),
                new TransparencyFigures.Decisions(
                        3,
                        zeros(DecisionOrigin.class),
                        zeros(AutomatedDecision.class),
                        grounds,
                        zeros(ModerationAction.class),
                        byActionAndGround,
                        zeros(PolicyCategory.class),
                        0),
                new TransparencyFigures.Complaints(2, zeros(AppellantRole.class), 2, zeros(AppealOutcome.class), 2.5),
                new TransparencyFigures.Disputes(0, 0, zeros(DisputeOutcome.class), null, 0),
                new TransparencyFigures.Suspensions(0, 1, 0),
                new TransparencyFigures.Dmca(0, 0, 0, 0, 0, 0, zeros(RestorationReason.class)));
    }

    private static <E extends Enum<E>> Map<String, Long> zeros(Class<E> type) {
        Map<String, Long> keys = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            keys.put(e.name(), 0L);
        }
        return keys;
    }
}
