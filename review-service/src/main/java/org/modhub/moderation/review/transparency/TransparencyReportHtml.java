package org.modhub.moderation.review.transparency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.modhub.moderation.review.transparency.HtmlReportWriter.Figure;

/**
 * The report as a page fit to publish: title, period, date of generation, and per section a short
 * account of what each figure counts and under which article. Plain figures and cross-tabulations are
 * tables with totals; only one-dimensional breakdowns get bars. Self-contained: nothing is fetched and
 * no script runs, so it renders in a cluster without internet and can be archived as it is.
 *
 * <p>Its one inline {@code <style>} block is allowed by hash in {@link #CONTENT_SECURITY_POLICY}, which
 * the page also carries in a {@code <meta>} element so a saved copy keeps it. That block is acceptable
 * because this page stands alone; a page that embeds the report's figures should style them from its
 * own stylesheet.
 */
public final class TransparencyReportHtml {

    static final String STYLE = "body{font-family:system-ui,sans-serif;line-height:1.45;color:#1b1b1b;"
            + "max-width:62rem;margin:2rem auto;padding:0 1rem}"
            + "h2{margin-top:2.5rem;border-bottom:2px solid #2f5f96;padding-bottom:.2rem}h3{margin-top:1.8rem}"
            + "table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}"
            + "caption{text-align:left;font-weight:600;padding:.3rem 0}"
            + "th,td{border:1px solid #c8d0da;padding:.3rem .6rem;text-align:left;vertical-align:top}"
            + "thead th{background:#eef2f7}tfoot th,tfoot td,td.total{font-weight:600}"
            + "th.n{text-align:right}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
            + "td.share{white-space:nowrap}svg.bar{vertical-align:middle}"
            + ".scroll{overflow-x:auto}.meta,.explain{color:#404040}"
            + "@media print{body{margin:0;max-width:none}h2{break-after:avoid}table{break-inside:avoid}}";

    /**
     * The policy the page holds to: nothing may load, no script may run, and only its own style block
     * applies (by hash, so no {@code 'unsafe-inline'}).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(STYLE)
            + "'; img-src 'none'; base-uri 'none'; form-action 'none'";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH);

    private TransparencyReportHtml() {}

    /** The page, dated now. */
    public static String write(TransparencyReport report) {
        return write(report, Instant.now());
    }

    public static String write(TransparencyReport report, Instant generatedAt) {
        Period period = Period.of(report);
        HtmlReportWriter html = new HtmlReportWriter();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>")
                .text("Transparency report, " + period.first() + " to " + period.last())
                .raw("</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n<header>\n")
                .raw("<h1>Transparency report</h1>\n<p class=\"meta\">Period: ")
                .raw(time(period.firstAt(), period.first()))
                .text(" to ")
                .raw(time(period.lastAt(), period.last()))
                .text(period.note())
                .raw("<br>Generated: ")
                .raw(time(generatedAt.truncatedTo(ChronoUnit.MINUTES).toString(), MINUTE.format(utc(generatedAt))))
                .raw("</p>\n")
                .element(
                        "p",
                        "The hub's report under Articles 15 and 24 of the Digital Services Act (Regulation (EU) "
                                + "2022/2065), with its figures under the DMCA (17 U.S.C. 512). Every figure counts "
                                + "what happened in the period; medians are in hours or days. The report holds no "
                                + "personal data. The same figures are available as JSON and CSV.")
                .raw("</header>\n<main>\n");
        notices(html, report.notices());
        decisions(html, report.decisions());
        complaints(html, report.complaints());
        disputes(html, report.disputes());
        suspensions(html, report.suspensions());
        dmca(html, report.dmca());
        return html.raw("</main>\n</body>\n</html>\n").toString();
    }

    private static void notices(HtmlReportWriter html, TransparencyReport.Notices n) {
        section(
                html,
                "notices",
                "Notices",
                "Notices of content that allegedly is illegal or breaks the content policy, filed in the period "
                        + "(Art. 15(1)(b), Art. 16). Each report counts once, whichever channel it came through.");
        html.figures(
                "Notices in figures",
                List.of(
                        new Figure(
                                "Notices received", count(n.total()), "Every notice filed, withdrawn ones included."),
                        new Figure("Withdrawn", count(n.withdrawn()), "Of these, notices the notifier withdrew since."),
                        new Figure(
                                "From trusted flaggers",
                                count(n.trustedFlagger()),
                                "Notices filed by trusted flaggers (Art. 22)."),
                        new Figure(
                                "Found by automated detection",
                                count(n.automatedDetection()),
                                "Notices raised by the hub's automated detectors."),
                        new Figure(
                                "Acted on",
                                count(n.decided()),
                                "Notices on which a decision has taken effect, by the time of this report."),
                        new Figure(
                                "Median time to decision",
                                median(n.medianHoursToDecision(), "hour"),
                                "From a notice to the first decision on it that took effect.")));
        subsection(
                html,
                "notices-by-source",
                "Notices by source",
                "What kind of notice it was, as the DSA Transparency Database names the source of a decision.");
        html.breakdown("Notices by source", "Source", "Notices", n.bySource(), ReportLabels::source);
        subsection(
                html,
                "notices-by-category",
                "Notices by policy category",
                "The category of the content policy the notifier said the content falls under.");
        html.breakdown(
                "Notices by policy category", "Policy category", "Notices", n.byCategory(), ReportLabels::category);
        subsection(
                html,
                "notices-by-category-and-source",
                "Notices by category and source",
                "The two breakdowns above together: each notice counts once, in the row of its policy category "
                        + "and the column of its source.");
        scrolling(
                html,
                () -> html.crossTab(
                        "Notices by policy category (rows) and source (columns)",
                        "Policy category",
                        n.byCategoryAndSource(),
                        ReportLabels::category,
                        ReportLabels::source));
        html.raw("</section>\n");
    }

    private static void decisions(HtmlReportWriter html, TransparencyReport.Decisions d) {
        section(
                html,
                "decisions",
                "Decisions",
                "Moderation decisions that took effect in the period, on notices and on the hub's own initiative "
                        + "(Art. 15(1)(b) and (c)), with the use of automated means (Art. 15(1)(e)). A decision "
                        + "waiting for a second moderator's approval counts once it takes effect.");
        html.figures(
                "Decisions in figures",
                List.of(
                        new Figure(
                                "Decisions that took effect",
                                count(d.total()),
                                "Decisions, including those to take no action; reversals are not counted here."),
                        new Figure(
                                "Decisions reversed",
                                count(d.reversals()),
                                "Earlier decisions undone in the period: on appeal, on a DMCA restoration, or at "
                                        + "their end date.")));
        subsection(
                html,
                "decisions-by-origin",
                "Decisions by what led to them",
                "A notice, a DMCA notice, an appeal, or the hub's own initiative.");
        html.breakdown("Decisions by what led to them", "Led to by", "Decisions", d.byOrigin(), ReportLabels::origin);
        subsection(
                html,
                "decisions-by-automation",
                "Decisions by use of automated means",
                "Whether the decision was taken by automated means, wholly or in part (Art. 15(1)(e)).");
        html.breakdown(
                "Decisions by use of automated means",
                "Automation",
                "Decisions",
                d.byAutomation(),
                ReportLabels::automation);
        subsection(
                html,
                "decisions-by-ground",
                "Decisions by ground",
                "Whether the content was found illegal or incompatible with the hub's terms. Decisions to take "
                        + "no action have no ground.");
        html.breakdown("Decisions by ground", "Ground", "Decisions", d.byGround(), ReportLabels::ground);
        subsection(
                html,
                "decisions-by-category",
                "Decisions by policy category",
                "The category of the content policy the decision applied.");
        html.breakdown(
                "Decisions by policy category", "Policy category", "Decisions", d.byCategory(), ReportLabels::category);
        subsection(
                html,
                "actions-taken",
                "Actions taken",
                "The restrictions the decisions imposed. A decision may take several actions, each counted here, "
                        + "so the total counts actions, not decisions.");
        html.breakdown("Actions taken", "Action", "Actions", d.byAction(), ReportLabels::action);
        subsection(
                html,
                "actions-by-ground",
                "Actions by ground",
                "The actions above by the ground of the decision that took them; a decision with several actions "
                        + "counts once in each of their rows.");
        scrolling(
                html,
                () -> html.crossTab(
                        "Actions taken (rows) by ground of the decision (columns)",
                        "Action",
                        d.byActionAndGround(),
                        ReportLabels::action,
                        ReportLabels::ground));
        html.raw("</section>\n");
    }

    private static void complaints(HtmlReportWriter html, TransparencyReport.Complaints c) {
        section(
                html,
                "complaints",
                "Complaints",
                "Complaints against moderation decisions through the hub's internal complaint-handling system "
                        + "(appeals, Art. 20; Art. 15(1)(d)).");
        html.figures(
                "Complaints in figures",
                List.of(
                        new Figure("Complaints filed", count(c.filed()), "Appeals filed in the period."),
                        new Figure(
                                "Complaints decided",
                                count(c.decided()),
                                "Appeals decided in the period, whenever they were filed."),
                        new Figure(
                                "Median time to decide",
                                median(c.medianDaysToDecide(), "day"),
                                "From filing to decision, of the complaints decided in the period.")));
        subsection(
                html,
                "complaints-by-appellant",
                "Complaints by who filed them",
                "The owner of the content restricted, or the notifier whose notice led to no action or a lesser one.");
        html.breakdown(
                "Complaints by who filed them", "Filed by", "Complaints", c.filedByRole(), ReportLabels::appellant);
        subsection(
                html,
                "complaints-by-outcome",
                "Complaints by outcome",
                "How the complaints decided in the period ended.");
        html.breakdown("Complaints by outcome", "Outcome", "Complaints", c.byOutcome(), ReportLabels::appealOutcome);
        html.raw("</section>\n");
    }

    private static void disputes(HtmlReportWriter html, TransparencyReport.Disputes d) {
        section(
                html,
                "disputes",
                "Out-of-court disputes",
                "Disputes submitted to certified out-of-court dispute settlement bodies (Art. 21; Art. 24(1)(a)).");
        html.figures(
                "Out-of-court disputes in figures",
                List.of(
                        new Figure(
                                "Disputes submitted",
                                count(d.submitted()),
                                "Disputes submitted to a body in the period."),
                        new Figure(
                                "Disputes ended", count(d.settled()), "Disputes whose procedure ended in the period."),
                        new Figure(
                                "Median duration",
                                median(d.medianDaysToSettle(), "day"),
                                "From submission to the end of the procedure, of the disputes that ended in the period."),
                        new Figure(
                                "Decisions for the recipient implemented",
                                count(d.implemented()),
                                "Of the disputes decided in favour of the recipient, those whose decision the hub "
                                        + "implemented.")));
        subsection(
                html, "disputes-by-outcome", "Disputes by outcome", "How the disputes that ended in the period ended.");
        html.breakdown("Disputes by outcome", "Outcome", "Disputes", d.byOutcome(), ReportLabels::disputeOutcome);
        html.raw("</section>\n");
    }

    private static void suspensions(HtmlReportWriter html, TransparencyReport.Suspensions s) {
        section(
                html,
                "suspensions",
                "Suspensions for misuse",
                "Measures against misuse of the service (Art. 23; Art. 24(1)(b)).");
        html.figures(
                "Suspensions in figures",
                List.of(
                        new Figure(
                                "Accounts suspended for illegal content",
                                count(s.accountsForIllegalContent()),
                                "Decisions that suspended an account on the ground of illegal content (Art. 23(1))."),
                        new Figure(
                                "Notifiers suspended",
                                count(s.noticeProcessing()),
                                "Notifiers whose notices are no longer processed for a time, after manifestly "
                                        + "unfounded notices (Art. 23(2))."),
                        new Figure(
                                "Complainants suspended",
                                count(s.complaintProcessing()),
                                "Complainants whose complaints are no longer processed for a time, after manifestly "
                                        + "unfounded complaints (Art. 23(2)).")));
        html.raw("</section>\n");
    }

    private static void dmca(HtmlReportWriter html, TransparencyReport.Dmca d) {
        section(
                html,
                "dmca",
                "Copyright notices (DMCA)",
                "Notices of claimed copyright infringement under 17 U.S.C. 512(c), counter-notices under "
                        + "512(g), and what came of them.");
        html.figures(
                "Copyright notices in figures",
                List.of(
                        new Figure(
                                "Notices received",
                                count(d.notices()),
                                "A notice revised before it was complete counts once."),
                        new Figure(
                                "Complete notices",
                                count(d.completeNotices()),
                                "Of these, notices with all six elements 512(c)(3) requires."),
                        new Figure("Takedowns", count(d.takedowns()), "Content disabled on a notice."),
                        new Figure("Counter-notices", count(d.counterNotices()), "Valid counter-notices received."),
                        new Figure(
                                "Court actions",
                                count(d.courtActions()),
                                "Court actions the claimant showed after a counter-notice."),
                        new Figure("Restorations", count(d.restorations()), "Content restored after a takedown.")));
        subsection(
                html,
                "restorations-by-reason",
                "Restorations by reason",
                "Why content taken down on a notice was restored.");
        html.breakdown(
                "Restorations by reason",
                "Reason",
                "Restorations",
                d.restorationsByReason(),
                ReportLabels::restorationReason);
        html.raw("</section>\n");
    }

    private static void section(HtmlReportWriter html, String id, String heading, String explanation) {
        html.raw("<section aria-labelledby=\"" + id + "\">\n")
                .heading(2, id, heading)
                .raw("<p class=\"explain\">")
                .text(explanation)
                .raw("</p>\n");
    }

    private static void subsection(HtmlReportWriter html, String id, String heading, String explanation) {
        html.heading(3, id, heading)
                .raw("<p class=\"explain\">")
                .text(explanation)
                .raw("</p>\n");
    }

    /** A wide table scrolls on its own on a narrow screen instead of widening the page. */
    private static void scrolling(HtmlReportWriter html, Runnable table) {
        html.raw("<div class=\"scroll\">\n");
        table.run();
        html.raw("</div>\n");
    }

    private static String count(long value) {
        return HtmlReportWriter.count(value);
    }

    /** {@code 3 hours}, {@code 1.5 days}; none when there was nothing to take the median of. */
    private static String median(Double value, String unit) {
        if (value == null) {
            return "none in the period";
        }
        return TransparencyReport.number(value) + " " + unit + (value == 1.0 ? "" : "s");
    }

    /**
     * The period as a reader says it: whole days as the first and the last day (both included),
     * otherwise both instants to the minute, the end excluded.
     */
    record Period(String first, String firstAt, String last, String lastAt, String note) {

        static Period of(TransparencyReport report) {
            ZonedDateTime from = utc(report.from());
            ZonedDateTime to = utc(report.to());
            if (from.toLocalTime().equals(LocalTime.MIDNIGHT)
                    && to.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                ZonedDateTime last = to.minusDays(1);
                return new Period(
                        DAY.format(from),
                        from.toLocalDate().toString(),
                        DAY.format(last),
                        last.toLocalDate().toString(),
                        " (both days included, UTC).");
            }
            return new Period(
                    MINUTE.format(from),
                    report.from().toString(),
                    MINUTE.format(to),
                    report.to().toString(),
                    " (the end excluded).");
        }
    }

    private static String time(String datetime, String text) {
        return "<time datetime=\"" + datetime + "\">" + HtmlReportWriter.escape(text) + "</time>";
    }

    private static ZonedDateTime utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
