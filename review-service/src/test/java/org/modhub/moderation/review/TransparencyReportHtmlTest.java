package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.modhub.moderation.review.ReviewFixtures.assertPublishableReportPage;
import static org.modhub.moderation.review.ReviewFixtures.reportTable;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
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
import org.modhub.moderation.review.transparency.TransparencyReport;
import org.modhub.moderation.review.transparency.TransparencyReportHtml;

/**
 * The transparency report's page from figures given by hand (no database): what a reader of the
 * published page sees. {@link TransparencyReportTest} renders it from real data.
 */
class TransparencyReportHtmlTest {

    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant GENERATED = Instant.parse("2026-04-02T09:15:42Z");

    @Test
    void aPeriodReadsAsAReportWithHumanHeadingsPeriodAndDateOfGeneration() throws Exception {
        Document page = assertPublishableReportPage(TransparencyReportHtml.write(march(), GENERATED));

        assertThat(page.title()).isEqualTo("Transparency report, 1 March 2026 to 31 March 2026");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Transparency report");
        assertThat(page.selectFirst("header").text())
                .contains("Period: 1 March 2026 to 31 March 2026 (both days included, UTC).")
                .contains("Generated: 2 April 2026, 09:15 UTC");
        assertThat(page.select("h2").eachText())
                .containsExactly(
                        "Notices",
                        "Decisions",
                        "Complaints",
                        "Out-of-court disputes",
                        "Suspensions for misuse",
                        "Copyright notices (DMCA)");
        assertThat(page.select("h3").eachText())
                .containsExactly(
                        "Notices by source",
                        "Notices by policy category",
                        "Notices by category and source",
                        "Decisions by what led to them",
                        "Decisions by use of automated means",
                        "Decisions by ground",
                        "Decisions by policy category",
                        "Actions taken",
                        "Actions by ground",
                        "Complaints by who filed them",
                        "Complaints by outcome",
                        "Disputes by outcome",
                        "Restorations by reason");
        // Each section says what it counts and under which article.
        assertThat(page.select("section:has(#notices) > p").text()).contains("Art. 15(1)(b)");
        assertThat(page.select("section:has(#complaints) > p").text()).contains("Art. 15(1)(d)");
        assertThat(page.select("section:has(#disputes) > p").text()).contains("Art. 24(1)(a)");
        assertThat(page.select("section:has(#suspensions) > p").text()).contains("Art. 24(1)(b)");
    }

    @Test
    void everyBreakdownNamesEachValueByItsWholeLabelWithCountAndShare() throws Exception {
        Document page = assertPublishableReportPage(TransparencyReportHtml.write(march(), GENERATED));

        assertThat(reportTable(page, "Notices by source"))
                .containsExactly(
                        entry("Source", List.of("Notices", "Share")),
                        entry("Notice submitted in accordance with Article 16 DSA", List.of("30", "50%")),
                        entry("Notice submitted by a trusted flagger", List.of("15", "25%")),
                        entry("Other type of notification", List.of("10", "17%")),
                        entry("Own voluntary initiative", List.of("5", "8%")),
                        entry("Total", List.of("60", "100%")));
        // Whole labels, in the contracts' words, for every dimension.
        assertThat(rowHeaders(page, "Notices by policy category"))
                .containsExactlyElementsOf(labels(PolicyCategory.values(), PolicyCategory::title));
        assertThat(rowHeaders(page, "Decisions by what led to them"))
                .containsExactlyElementsOf(labels(DecisionOrigin.values(), DecisionOrigin::label));
        assertThat(rowHeaders(page, "Decisions by use of automated means"))
                .containsExactlyElementsOf(labels(AutomatedDecision.values(), AutomatedDecision::label));
        assertThat(rowHeaders(page, "Decisions by ground"))
                .containsExactly(
                        "Illegal Content",
                        "Content incompatible with terms and conditions",
                        "No ground (no action taken)");
        assertThat(rowHeaders(page, "Actions taken"))
                .containsExactlyElementsOf(labels(ModerationAction.values(), ModerationAction::label));
        assertThat(rowHeaders(page, "Complaints by who filed them"))
                .containsExactlyElementsOf(labels(AppellantRole.values(), AppellantRole::label));
        assertThat(rowHeaders(page, "Complaints by outcome"))
                .containsExactlyElementsOf(labels(AppealOutcome.values(), AppealOutcome::label));
        assertThat(rowHeaders(page, "Disputes by outcome"))
                .containsExactlyElementsOf(labels(DisputeOutcome.values(), DisputeOutcome::label));
        assertThat(rowHeaders(page, "Restorations by reason"))
                .containsExactlyElementsOf(labels(RestorationReason.values(), RestorationReason::label));
        // The plain figures, with their units.
        Map<String, List<String>> notices = reportTable(page, "Notices in figures");
        assertThat(notices.get("Notices received")).startsWith("60");
        assertThat(notices.get("Median time to decision")).startsWith("2.5 hours");
        assertThat(reportTable(page, "Complaints in figures").get("Median time to decide"))
                .startsWith("1 day");
        assertThat(reportTable(page, "Copyright notices in figures").get("Complete notices"))
                .startsWith("1,204");
    }

    @Test
    void aCrossTabulationIsATableWithARowAndColumnPerValueAndTotals() throws Exception {
        Document page = assertPublishableReportPage(TransparencyReportHtml.write(march(), GENERATED));

        Map<String, List<String>> table = reportTable(page, "Notices by policy category (rows) and source (columns)");
        assertThat(table)
                .containsExactly(
                        entry(
                                "Policy category",
                                List.of(
                                        "Notice submitted in accordance with Article 16 DSA",
                                        "Notice submitted by a trusted flagger",
                                        "Other type of notification",
                                        "Own voluntary initiative",
                                        "Total")),
                        entry("Unlawful or illegal Content", List.of("20", "10", "0", "0", "30")),
                        entry("Fraudulent or Malicious Activities", List.of("0", "0", "0", "0", "0")),
                        entry("Harmful or Abusive Content", List.of("4", "5", "0", "0", "9")),
                        entry("Privacy and Intellectual Property (IP)", List.of("6", "0", "0", "0", "6")),
                        entry("Platform Abuse, Security Violations and Spam", List.of("0", "0", "10", "5", "15")),
                        entry("Total", List.of("30", "15", "10", "5", "60")));
        Element crossTab = page.select("table.crosstab").first();
        assertThat(crossTab.select("svg")).isEmpty();

        Map<String, List<String>> actions =
                reportTable(page, "Actions taken (rows) by ground of the decision (columns)");
        assertThat(actions.get("Action"))
                .containsExactly(
                        "Illegal Content",
                        "Content incompatible with terms and conditions",
                        "No ground (no action taken)",
                        "Total");
        assertThat(actions.get("Account suspended")).containsExactly("3", "4", "0", "7");
        assertThat(actions.get("No action")).containsExactly("0", "0", "12", "12");
        assertThat(actions.get("Total")).containsExactly("11", "6", "12", "29");
    }

    @Test
    void anEmptyPeriodSaysThereIsNothingRatherThanShowingShares() throws Exception {
        TransparencyReport empty = new TransparencyReport(
                Instant.parse("2026-03-01T06:00:00Z"),
                Instant.parse("2026-03-01T18:00:00Z"),
                new TransparencyReport.Notices(
                        0, 0, 0, 0, zeros(SourceType.values()), zeros(PolicyCategory.values()), crossZeros(), 0, null),
                new TransparencyReport.Decisions(
                        0,
                        zeros(DecisionOrigin.values()),
                        zeros(AutomatedDecision.values()),
                        Map.of(),
                        zeros(ModerationAction.values()),
                        Map.of(),
                        zeros(PolicyCategory.values()),
                        0),
                new TransparencyReport.Complaints(
                        0, zeros(AppellantRole.values()), 0, zeros(AppealOutcome.values()), null),
                new TransparencyReport.Disputes(0, 0, zeros(DisputeOutcome.values()), null, 0),
                new TransparencyReport.Suspensions(0, 0, 0),
                new TransparencyReport.Dmca(0, 0, 0, 0, 0, 0, zeros(RestorationReason.values())));
        Document page = assertPublishableReportPage(TransparencyReportHtml.write(empty, GENERATED));

        assertThat(page.selectFirst("header").text())
                .contains("Period: 1 March 2026, 06:00 UTC to 1 March 2026, 18:00 UTC (the end excluded).");
        assertThat(reportTable(page, "Notices in figures").get("Median time to decision"))
                .startsWith("none in the period");
        assertThat(reportTable(page, "Notices by source").get("Own voluntary initiative"))
                .containsExactly("0", "–");
        assertThat(reportTable(page, "Notices by source").get("Total")).containsExactly("0", "–");
    }

    @Test
    void aKeyNoConstantKnowsAnyMoreIsSpelledOutNotDroppedNorShownRaw() throws Exception {
        TransparencyReport march = march();
        Map<String, Long> bySource = new LinkedHashMap<>(march.notices().bySource());
        bySource.put("SOURCE_RETIRED_CHANNEL", 2L);
        TransparencyReport withOldKey = new TransparencyReport(
                march.from(),
                march.to(),
                new TransparencyReport.Notices(
                        62,
                        3,
                        15,
                        8,
                        bySource,
                        march.notices().byCategory(),
                        march.notices().byCategoryAndSource(),
                        40,
                        2.5),
                march.decisions(),
                march.complaints(),
                march.disputes(),
                march.suspensions(),
                march.dmca());
        Document page = assertPublishableReportPage(TransparencyReportHtml.write(withOldKey, GENERATED));

        assertThat(reportTable(page, "Notices by source").get("Source retired channel"))
                .containsExactly("2", "3%");
    }

    // --- figures given by hand ---

    private static TransparencyReport march() {
        Map<String, Map<String, Long>> byCategoryAndSource = new LinkedHashMap<>();
        byCategoryAndSource.put("UNLAWFUL", counts(SourceType.values(), 20, 10, 0, 0));
        byCategoryAndSource.put("FRAUDULENT_OR_MALICIOUS", counts(SourceType.values(), 0, 0, 0, 0));
        byCategoryAndSource.put("HARMFUL_OR_ABUSIVE", counts(SourceType.values(), 4, 5, 0, 0));
        byCategoryAndSource.put("PRIVACY_AND_IP", counts(SourceType.values(), 6, 0, 0, 0));
        byCategoryAndSource.put("PLATFORM_ABUSE", counts(SourceType.values(), 0, 0, 10, 5));
        Map<String, Long> grounds = counts(DecisionGround.values(), 0, 0);
        grounds.put("NONE", 0L);
        Map<String, Map<String, Long>> byActionAndGround = new LinkedHashMap<>();
        for (ModerationAction action : ModerationAction.values()) {
            byActionAndGround.put(action.name(), new LinkedHashMap<>(grounds));
        }
        byActionAndGround.put("DISABLE", ground(8, 0, 0));
        byActionAndGround.put("UNRANK", ground(0, 2, 0));
        byActionAndGround.put("SUSPEND_ACCOUNT", ground(3, 4, 0));
        byActionAndGround.put("NO_ACTION", ground(0, 0, 12));
        return new TransparencyReport(
                MARCH,
                APRIL,
                new TransparencyReport.Notices(
                        60,
                        3,
                        15,
                        8,
                        counts(SourceType.values(), 30, 15, 10, 5),
                        counts(PolicyCategory.values(), 30, 0, 9, 6, 15),
                        byCategoryAndSource,
                        40,
                        2.5),
                new TransparencyReport.Decisions(
                        30,
                        counts(DecisionOrigin.values(), 20, 2, 1, 7),
                        counts(AutomatedDecision.values(), 5, 6, 19),
                        ground(10, 8, 12),
                        counts(ModerationAction.values(), 0, 2, 0, 0, 8, 0, 0, 7, 0, 12),
                        byActionAndGround,
                        counts(PolicyCategory.values(), 12, 0, 6, 4, 8),
                        2),
                new TransparencyReport.Complaints(
                        9, counts(AppellantRole.values(), 6, 3), 8, counts(AppealOutcome.values(), 5, 2, 1), 1.0),
                new TransparencyReport.Disputes(2, 1, counts(DisputeOutcome.values(), 1, 0, 0, 0), 40.0, 1),
                new TransparencyReport.Suspensions(3, 1, 0),
                new TransparencyReport.Dmca(
                        1_300, 1_204, 1_100, 12, 1, 9, counts(RestorationReason.values(), 8, 1, 0)));
    }

    private static Map<String, Long> ground(long illegal, long incompatible, long none) {
        Map<String, Long> grounds = counts(DecisionGround.values(), illegal, incompatible);
        grounds.put("NONE", none);
        return grounds;
    }

    private static Map<String, Long> counts(Enum<?>[] keys, long... counts) {
        assertThat(counts).hasSameSizeAs(keys);
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i].name(), counts[i]);
        }
        return map;
    }

    private static Map<String, Long> zeros(Enum<?>[] keys) {
        return counts(keys, new long[keys.length]);
    }

    private static Map<String, Map<String, Long>> crossZeros() {
        Map<String, Map<String, Long>> map = new LinkedHashMap<>();
        for (PolicyCategory category : PolicyCategory.values()) {
            map.put(category.name(), zeros(SourceType.values()));
        }
        return map;
    }

    private static List<String> rowHeaders(Document page, String caption) {
        return reportTable(page, caption).keySet().stream()
                .skip(1)
                .filter(header -> !header.equals("Total"))
                .toList();
    }

    private static <E> List<String> labels(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(label).toList();
    }
}
