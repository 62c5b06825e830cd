package org.modhub.moderation.review.transparency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The DSA transparency report (Art. 15 and 24) of a period [from, to): every figure is a count of
 * what happened in the period, medians in hours or days. Maps list every known key, zeros
 * included, so two periods always have the same shape. No personal data.
 */
public record TransparencyReport(Instant from, Instant to, Notices notices, Decisions decisions, Complaints complaints,
        Disputes disputes, Suspensions suspensions, Dmca dmca) {

    /**
     * Notices (reports) filed in the period (Art. 15(1)(b), 24(1)).
     *
     * @param total every report filed, withdrawn ones included
     * @param withdrawn of them, withdrawn since
     * @param trustedFlagger filed by trusted flaggers (Art. 22)
     * @param automatedDetection detected by automated means (a detector's report)
     * @param bySource DSA source type: Art. 16 notice, trusted flagger, other notification, own initiative
     * @param byCategory policy category
     * @param byCategoryAndSource policy category, then source type
     * @param decided of them, those a decision has taken effect on (by now)
     * @param medianHoursToDecision median hours from a notice to the first decision that took effect on it
     */
    public record Notices(long total, long withdrawn, long trustedFlagger, long automatedDetection, Map<String, Long> bySource,
            Map<String, Long> byCategory, Map<String, Map<String, Long>> byCategoryAndSource, long decided,
            Double medianHoursToDecision) {
    }

    /**
     * Decisions that took effect in the period (Art. 15(1)(a)(c)(d), 24): not reversals.
     *
     * @param total decisions
     * @param byOrigin report (a notice), own initiative, DMCA notice, appeal
     * @param byAutomation whether the decision was automated (fully, partially, not)
     * @param byGround illegal content or incompatible with the terms; {@code NONE} for no action
     * @param byAction each action a decision took (a decision may take several)
     * @param byActionAndGround action, then ground
     * @param byCategory policy category
     * @param reversals decisions reversed in the period (by appeal, DMCA restoration, end date)
     */
    public record Decisions(long total, Map<String, Long> byOrigin, Map<String, Long> byAutomation, Map<String, Long> byGround,
            Map<String, Long> byAction, Map<String, Map<String, Long>> byActionAndGround, Map<String, Long> byCategory,
            long reversals) {
    }

    /**
     * Complaints through the internal system (appeals, Art. 20; Art. 15(1)(d)).
     *
     * @param filed appeals filed in the period
     * @param filedByRole owner or notifier
     * @param decided appeals decided in the period
     * @param byOutcome upheld, reversed, modified
     * @param medianDaysToDecide median days from filing to decision, of those decided in the period
     */
    public record Complaints(long filed, Map<String, Long> filedByRole, long decided, Map<String, Long> byOutcome,
            Double medianDaysToDecide) {
    }

    /**
     * Out-of-court disputes (Art. 21, 24(1)(a)).
     *
     * @param submitted disputes submitted to a body in the period
     * @param settled disputes that ended in the period
     * @param byOutcome how they ended
     * @param medianDaysToSettle median days from submission to the end, of those that ended in the period
     * @param implemented of those decided for the recipient, the ones the hub implemented
     */
    public record Disputes(long submitted, long settled, Map<String, Long> byOutcome, Double medianDaysToSettle,
            long implemented) {
    }

    /**
     * Suspensions for misuse (Art. 23, 24(1)(b)).
     *
     * @param accountsForIllegalContent 23(1): accounts suspended on the ground of illegal content
     *        (decisions with {@code SUSPEND_ACCOUNT} on {@code DECISION_GROUND_ILLEGAL_CONTENT})
     * @param noticeProcessing 23(2): notifiers whose notices are no longer processed
     * @param complaintProcessing 23(2): appellants whose complaints are no longer processed
     */
    public record Suspensions(long accountsForIllegalContent, long noticeProcessing, long complaintProcessing) {
    }

    /**
     * DMCA (17 U.S.C. 512) figures.
     *
     * @param notices notices received in the period (a revised notice counts once)
     * @param completeNotices of them, those with all six elements
     * @param takedowns subjects disabled on a notice in the period (decisions of origin DMCA)
     * @param counterNotices valid counter-notices received
     * @param courtActions court actions shown by claimants
     * @param restorations content restored
     * @param restorationsByReason why
     */
    public record Dmca(long notices, long completeNotices, long takedowns, long counterNotices, long courtActions,
            long restorations, Map<String, Long> restorationsByReason) {
    }

    /** One figure as a line: {@code section, figure, key, value} (key empty for plain figures). */
    public record Row(String section, String figure, String key, String value) {
    }

    /** Every figure as rows, in report order: the CSV and the HTML are written from these. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("period", "from", "", from.toString()));
        rows.add(new Row("period", "to", "", to.toString()));
        String s = "notices";
        add(rows, s, "total", notices.total());
        add(rows, s, "withdrawn", notices.withdrawn());
        add(rows, s, "trustedFlagger", notices.trustedFlagger());
        add(rows, s, "automatedDetection", notices.automatedDetection());
        add(rows, s, "bySource", notices.bySource());
        add(rows, s, "byCategory", notices.byCategory());
        nested(rows, s, "byCategoryAndSource", notices.byCategoryAndSource());
        add(rows, s, "decided", notices.decided());
        add(rows, s, "medianHoursToDecision", notices.medianHoursToDecision());
        s = "decisions";
        add(rows, s, "total", decisions.total());
        add(rows, s, "byOrigin", decisions.byOrigin());
        add(rows, s, "byAutomation", decisions.byAutomation());
        add(rows, s, "byGround", decisions.byGround());
        add(rows, s, "byAction", decisions.byAction());
        nested(rows, s, "byActionAndGround", decisions.byActionAndGround());
        add(rows, s, "byCategory", decisions.byCategory());
        add(rows, s, "reversals", decisions.reversals());
        s = "complaints";
        add(rows, s, "filed", complaints.filed());
        add(rows, s, "filedByRole", complaints.filedByRole());
        add(rows, s, "decided", complaints.decided());
        add(rows, s, "byOutcome", complaints.byOutcome());
        add(rows, s, "medianDaysToDecide", complaints.medianDaysToDecide());
        s = "disputes";
        add(rows, s, "submitted", disputes.submitted());
        add(rows, s, "settled", disputes.settled());
        add(rows, s, "byOutcome", disputes.byOutcome());
        add(rows, s, "medianDaysToSettle", disputes.medianDaysToSettle());
        add(rows, s, "implemented", disputes.implemented());
        s = "suspensions";
        add(rows, s, "accountsForIllegalContent", suspensions.accountsForIllegalContent());
        add(rows, s, "noticeProcessing", suspensions.noticeProcessing());
        add(rows, s, "complaintProcessing", suspensions.complaintProcessing());
        s = "dmca";
        add(rows, s, "notices", dmca.notices());
        add(rows, s, "completeNotices", dmca.completeNotices());
        add(rows, s, "takedowns", dmca.takedowns());
        add(rows, s, "counterNotices", dmca.counterNotices());
        add(rows, s, "courtActions", dmca.courtActions());
        add(rows, s, "restorations", dmca.restorations());
        add(rows, s, "restorationsByReason", dmca.restorationsByReason());
        return rows;
    }

    private static void add(List<Row> rows, String section, String figure, long value) {
        rows.add(new Row(section, figure, "", Long.toString(value)));
    }

    /** A median without data is an empty value, not zero. */
    private static void add(List<Row> rows, String section, String figure, Double value) {
        rows.add(new Row(section, figure, "", value == null ? "" : number(value)));
    }

    private static void add(List<Row> rows, String section, String figure, Map<String, Long> values) {
        values.forEach((key, value) -> rows.add(new Row(section, figure, key, Long.toString(value))));
    }

    private static void nested(List<Row> rows, String section, String figure, Map<String, Map<String, Long>> values) {
        values.forEach((outer, inner) -> inner
                .forEach((key, value) -> rows.add(new Row(section, figure, outer + "/" + key, Long.toString(value)))));
    }

    /** {@code 12} for whole numbers, else as Java writes the double ({@code 2.5}). */
    static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
