package org.modhub.moderation.console.transparency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.modhub.moderation.console.services.TransparencyFigures;

/**
 * The transparency report laid out for reading: one section per part of the report with the DSA article it
 * answers, plain figures as a list, each breakdown as a table and each cross-tabulation as a table with a
 * column per inner key. Every key is labelled here, so the template shows words only.
 */
public record ReportView(Instant from, Instant to, List<Section> sections) {

    public record Section(
            String id,
            String title,
            String basis,
            List<Figure> figures,
            List<Breakdown> breakdowns,
            List<CrossTab> crossTabs) {}

    public record Figure(String label, String value) {}

    public record Breakdown(String caption, String keyHeading, List<Figure> rows) {}

    public record CrossTab(String caption, String rowHeading, List<String> columns, List<CrossRow> rows) {}

    public record CrossRow(String label, List<String> values) {}

    static ReportView of(TransparencyFigures f) {
        List<Section> sections = new ArrayList<>();
        var n = f.notices();
        if (n != null) {
            sections.add(new Section(
                    "notices",
                    "Notices received",
                    "DSA Art. 15(1)(b), 24(1)",
                    List.of(
                            figure("Notices filed", n.total()),
                            figure("of which withdrawn", n.withdrawn()),
                            figure("filed by trusted flaggers", n.trustedFlagger()),
                            figure("detected by automated means", n.automatedDetection()),
                            figure("acted on by a decision (so far)", n.decided()),
                            median("Median time to decision", n.medianHoursToDecision(), "hours")),
                    List.of(
                            breakdown("Notices by source", "Source", n.bySource(), ReportLabels::source),
                            breakdown(
                                    "Notices by policy category", "Category", n.byCategory(), ReportLabels::category)),
                    List.of(crossTab(
                            "Notices by policy category and source",
                            "Category",
                            n.byCategoryAndSource(),
                            ReportLabels::category,
                            ReportLabels::source))));
        }
        var d = f.decisions();
        if (d != null) {
            sections.add(new Section(
                    "decisions",
                    "Moderation decisions",
                    "DSA Art. 15(1)(a), (c), (d), 24",
                    List.of(
                            figure("Decisions that took effect", d.total()),
                            figure("Decisions reversed", d.reversals())),
                    List.of(
                            breakdown("Decisions by origin", "Origin", d.byOrigin(), ReportLabels::origin),
                            breakdown(
                                    "Decisions by use of automation",
                                    "Automation",
                                    d.byAutomation(),
                                    ReportLabels::automation),
                            breakdown("Decisions by ground", "Ground", d.byGround(), ReportLabels::ground),
                            breakdown(
                                    "Actions taken (a decision may take several)",
                                    "Action",
                                    d.byAction(),
                                    ReportLabels::action),
                            breakdown(
                                    "Decisions by policy category",
                                    "Category",
                                    d.byCategory(),
                                    ReportLabels::category)),
                    List.of(crossTab(
                            "Actions by ground",
                            "Action",
                            d.byActionAndGround(),
                            ReportLabels::action,
                            ReportLabels::ground))));
        }
        var c = f.complaints();
        if (c != null) {
            sections.add(new Section(
                    "complaints",
                    "Complaints (internal appeals)",
                    "DSA Art. 20, 15(1)(d)",
                    List.of(
                            figure("Appeals filed", c.filed()),
                            figure("Appeals decided", c.decided()),
                            median("Median time to decide", c.medianDaysToDecide(), "days")),
                    List.of(
                            breakdown(
                                    "Appeals filed by who appealed",
                                    "Appellant",
                                    c.filedByRole(),
                                    ReportLabels::appellantRole),
                            breakdown("Appeals by outcome", "Outcome", c.byOutcome(), ReportLabels::appealOutcome)),
                    List.of()));
        }
        var o = f.disputes();
        if (o != null) {
            sections.add(new Section(
                    "disputes",
                    "Out-of-court disputes",
                    "DSA Art. 21, 24(1)(a)",
                    List.of(
                            figure("Disputes submitted", o.submitted()),
                            figure("Disputes settled", o.settled()),
                            figure("decided for the recipient and implemented", o.implemented()),
                            median("Median time to settle", o.medianDaysToSettle(), "days")),
                    List.of(breakdown("Disputes by outcome", "Outcome", o.byOutcome(), ReportLabels::disputeOutcome)),
                    List.of()));
        }
        var s = f.suspensions();
        if (s != null) {
            sections.add(new Section(
                    "suspensions",
                    "Suspensions for misuse",
                    "DSA Art. 23, 24(1)(b)",
                    List.of(
                            figure(
                                    "Accounts suspended for illegal content (Art. 23(1))",
                                    s.accountsForIllegalContent()),
                            figure("Notifiers whose notices are not processed (Art. 23(2))", s.noticeProcessing()),
                            figure(
                                    "Appellants whose complaints are not processed (Art. 23(2))",
                                    s.complaintProcessing())),
                    List.of(),
                    List.of()));
        }
        var m = f.dmca();
        if (m != null) {
            sections.add(new Section(
                    "dmca",
                    "DMCA notices",
                    "17 U.S.C. 512",
                    List.of(
                            figure("Notices received", m.notices()),
                            figure("of which complete (all six elements)", m.completeNotices()),
                            figure("Takedowns", m.takedowns()),
                            figure("Valid counter-notices", m.counterNotices()),
                            figure("Court actions shown", m.courtActions()),
                            figure("Restorations", m.restorations())),
                    List.of(breakdown(
                            "Restorations by reason", "Reason", m.restorationsByReason(), ReportLabels::restoration)),
                    List.of()));
        }
        return new ReportView(f.from(), f.to(), List.copyOf(sections));
    }

    private static Figure figure(String label, long value) {
        return new Figure(label, Long.toString(value));
    }

    /** A median without data says so, rather than showing a misleading zero. */
    private static Figure median(String label, Double value, String unit) {
        if (value == null) {
            return new Figure(label, "no data");
        }
        String number = value == Math.rint(value)
                ? Long.toString(value.longValue())
                : String.format(java.util.Locale.ROOT, "%.1f", value);
        return new Figure(label, number + " " + unit);
    }

    private static Breakdown breakdown(
            String caption, String keyHeading, Map<String, Long> counts, UnaryOperator<String> label) {
        List<Figure> rows = new ArrayList<>();
        if (counts != null) {
            counts.forEach((key, count) -> rows.add(new Figure(label.apply(key), String.valueOf(count))));
        }
        return new Breakdown(caption, keyHeading, List.copyOf(rows));
    }

    private static CrossTab crossTab(
            String caption,
            String rowHeading,
            Map<String, Map<String, Long>> counts,
            UnaryOperator<String> rowLabel,
            UnaryOperator<String> columnLabel) {
        Set<String> keys = new LinkedHashSet<>();
        if (counts != null) {
            counts.values().forEach(inner -> keys.addAll(inner.keySet()));
        }
        List<CrossRow> rows = new ArrayList<>();
        if (counts != null) {
            counts.forEach((key, inner) -> {
                List<String> values = new ArrayList<>();
                for (String column : keys) {
                    values.add(String.valueOf(inner.getOrDefault(column, 0L)));
                }
                rows.add(new CrossRow(rowLabel.apply(key), List.copyOf(values)));
            });
        }
        List<String> columns = keys.stream().map(columnLabel).toList();
        return new CrossTab(caption, rowHeading, columns, List.copyOf(rows));
    }
}
