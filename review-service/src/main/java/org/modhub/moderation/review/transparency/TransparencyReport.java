package org.modhub.moderation.review.transparency;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The DSA transparency report (Art. 15 and 24) of a period [from, to): every figure is a count of
 * what happened in the period, medians in hours or days. Maps list every known key, zeros
 * included, so two periods always have the same shape. No personal data.
 */
public record TransparencyReport(
        Instant from,
        Instant to,
        Notices notices,
        Decisions decisions,
        Complaints complaints,
        Disputes disputes,
        Suspensions suspensions,
        Dmca dmca) {

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
    public record Notices(
            long total,
            long withdrawn,
            long trustedFlagger,
            long automatedDetection,
            Map<String, Long> bySource,
            Map<String, Long> byCategory,
            Map<String, Map<String, Long>> byCategoryAndSource,
            long decided,
            Double medianHoursToDecision) {}

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
    public record Decisions(
            long total,
            Map<String, Long> byOrigin,
            Map<String, Long> byAutomation,
            Map<String, Long> byGround,
            Map<String, Long> byAction,
            Map<String, Map<String, Long>> byActionAndGround,
            Map<String, Long> byCategory,
            long reversals) {}

    /**
     * Complaints through the internal system (appeals, Art. 20; Art. 15(1)(d)).
     *
     * @param filed appeals filed in the period
     * @param filedByRole owner or notifier
     * @param decided appeals decided in the period
     * @param byOutcome upheld, reversed, modified
     * @param medianDaysToDecide median days from filing to decision, of those decided in the period
     */
    public record Complaints(
            long filed,
            Map<String, Long> filedByRole,
            long decided,
            Map<String, Long> byOutcome,
            Double medianDaysToDecide) {}

    /**
     * Out-of-court disputes (Art. 21, 24(1)(a)).
     *
     * @param submitted disputes submitted to a body in the period
     * @param settled disputes that ended in the period
     * @param byOutcome how they ended
     * @param medianDaysToSettle median days from submission to the end, of those that ended in the period
     * @param implemented of those decided for the recipient, the ones the hub implemented
     */
    public record Disputes(
            long submitted, long settled, Map<String, Long> byOutcome, Double medianDaysToSettle, long implemented) {}

    /**
     * Suspensions for misuse (Art. 23, 24(1)(b)).
     *
     * @param accountsForIllegalContent 23(1): accounts suspended on the ground of illegal content
     *        (decisions with {@code SUSPEND_ACCOUNT} on {@code DECISION_GROUND_ILLEGAL_CONTENT})
     * @param noticeProcessing 23(2): notifiers whose notices are no longer processed
     * @param complaintProcessing 23(2): appellants whose complaints are no longer processed
     */
    public record Suspensions(long accountsForIllegalContent, long noticeProcessing, long complaintProcessing) {}

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
    public record Dmca(
            long notices,
            long completeNotices,
            long takedowns,
            long counterNotices,
            long courtActions,
            long restorations,
            Map<String, Long> restorationsByReason) {}

    /** One figure as a line: {@code section, figure, key, value} (key empty for plain figures). */
    public record Row(String section, String figure, String key, String value) {}

    /**
     * Every figure as rows, in report order (the order of the records' components): the CSV and the
     * HTML are written from these. The section is the component's name in this record, the figure its
     * name in the section; a map gives a row per key, a map of maps one per {@code outer/inner} key.
     */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("period", "from", "", from.toString()));
        rows.add(new Row("period", "to", "", to.toString()));
        for (Record section : List.of(notices, decisions, complaints, disputes, suspensions, dmca)) {
            String name = section.getClass().getSimpleName();
            name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            for (RecordComponent figure : section.getClass().getRecordComponents()) {
                add(rows, name, figure.getName(), value(figure, section));
            }
        }
        return rows;
    }

    private static Object value(RecordComponent component, Record of) {
        try {
            return component.getAccessor().invoke(of);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A median without data is an empty value, not zero. */
    private static void add(List<Row> rows, String section, String figure, Object value) {
        switch (value) {
            case null -> rows.add(new Row(section, figure, "", ""));
            case Long count -> rows.add(new Row(section, figure, "", Long.toString(count)));
            case Double median -> rows.add(new Row(section, figure, "", number(median)));
            case Map<?, ?> values ->
                values.forEach((key, inner) -> {
                    if (inner instanceof Map<?, ?> nested) {
                        nested.forEach((k, v) -> rows.add(new Row(section, figure, key + "/" + k, v.toString())));
                    } else {
                        rows.add(new Row(section, figure, key.toString(), inner.toString()));
                    }
                });
            default -> throw new IllegalStateException("no row for " + section + "." + figure);
        }
    }

    /** {@code 12} for whole numbers, else as Java writes the double ({@code 2.5}). */
    static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value)
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
