package org.modhub.moderation.review.transparency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The HTML of a report page: headings, tables and bars, every text escaped. Tables carry the figures
 * (captions, {@code scope} on every header cell, totals); a bar only illustrates a share already
 * written as a number beside it. Bars are inline SVG sized by attributes, not by {@code style=}, so a
 * strict Content-Security-Policy holds; labels sit in table cells, where they wrap instead of being cut.
 */
final class HtmlReportWriter {

    /** Width of a full (100 %) bar, in CSS pixels. */
    private static final int BAR_WIDTH = 120;

    private static final int BAR_HEIGHT = 12;

    /** A plain figure: what it is, its value as written, and what it counts. */
    record Figure(String label, String value, String explanation) {}

    private final StringBuilder html = new StringBuilder();

    HtmlReportWriter raw(String markup) {
        html.append(markup);
        return this;
    }

    HtmlReportWriter text(String text) {
        html.append(escape(text));
        return this;
    }

    HtmlReportWriter element(String tag, String text) {
        return raw("<" + tag + ">").text(text).raw("</" + tag + ">\n");
    }

    HtmlReportWriter heading(int level, String id, String text) {
        return raw("<h" + level + " id=\"" + escape(id) + "\">").text(text).raw("</h" + level + ">\n");
    }

    /** Figures that are one number each, in a table of figure, value and what it counts. */
    HtmlReportWriter figures(String caption, List<Figure> figures) {
        raw("<table class=\"figures\">\n<caption>").text(caption).raw("</caption>\n");
        raw("<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\" class=\"n\">Value</th>"
                + "<th scope=\"col\">What it counts</th></tr></thead>\n<tbody>\n");
        for (Figure figure : figures) {
            raw("<tr><th scope=\"row\">")
                    .text(figure.label())
                    .raw("</th><td class=\"n\">")
                    .text(figure.value())
                    .raw("</td><td>")
                    .text(figure.explanation())
                    .raw("</td></tr>\n");
        }
        return raw("</tbody>\n</table>\n");
    }

    /**
     * A one-dimensional breakdown: a row per key with its count and its share of the total, the share
     * also drawn as a bar; a total row at the foot.
     */
    HtmlReportWriter breakdown(
            String caption,
            String keyHeader,
            String countHeader,
            Map<String, Long> counts,
            Function<String, String> label) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        raw("<table class=\"breakdown\">\n<caption>").text(caption).raw("</caption>\n");
        raw("<thead><tr><th scope=\"col\">")
                .text(keyHeader)
                .raw("</th><th scope=\"col\" class=\"n\">")
                .text(countHeader)
                .raw("</th><th scope=\"col\" class=\"share\">Share</th></tr></thead>\n<tbody>\n");
        counts.forEach((key, count) -> raw("<tr><th scope=\"row\">")
                .text(label.apply(key))
                .raw("</th><td class=\"n\">")
                .text(count(count))
                .raw("</td><td class=\"share\">")
                .raw(bar(count, total))
                .text(share(count, total))
                .raw("</td></tr>\n"));
        return raw("</tbody>\n<tfoot><tr><th scope=\"row\">Total</th><td class=\"n\">")
                .text(count(total))
                .raw("</td><td class=\"share\">")
                .text(total == 0 ? "–" : "100%")
                .raw("</td></tr></tfoot>\n</table>\n");
    }

    /**
     * A cross-tabulation: rows are the outer keys, columns the inner ones (in order of first
     * appearance), with a total per row, per column and overall.
     */
    HtmlReportWriter crossTab(
            String caption,
            String cornerHeader,
            Map<String, Map<String, Long>> counts,
            Function<String, String> rowLabel,
            Function<String, String> columnLabel) {
        Set<String> columns = new LinkedHashSet<>();
        counts.values().forEach(row -> columns.addAll(row.keySet()));
        List<String> columnList = new ArrayList<>(columns);
        long[] columnTotals = new long[columnList.size()];
        raw("<table class=\"crosstab\">\n<caption>").text(caption).raw("</caption>\n");
        raw("<thead><tr><th scope=\"col\">").text(cornerHeader).raw("</th>");
        for (String column : columnList) {
            raw("<th scope=\"col\" class=\"n\">")
                    .text(columnLabel.apply(column))
                    .raw("</th>");
        }
        raw("<th scope=\"col\" class=\"n\">Total</th></tr></thead>\n<tbody>\n");
        counts.forEach((key, row) -> {
            raw("<tr><th scope=\"row\">").text(rowLabel.apply(key)).raw("</th>");
            long rowTotal = 0;
            for (int i = 0; i < columnList.size(); i++) {
                long cell = row.getOrDefault(columnList.get(i), 0L);
                rowTotal += cell;
                columnTotals[i] += cell;
                raw("<td class=\"n\">").text(count(cell)).raw("</td>");
            }
            raw("<td class=\"n total\">").text(count(rowTotal)).raw("</td></tr>\n");
        });
        raw("</tbody>\n<tfoot><tr><th scope=\"row\">Total</th>");
        long total = 0;
        for (long columnTotal : columnTotals) {
            total += columnTotal;
            raw("<td class=\"n\">").text(count(columnTotal)).raw("</td>");
        }
        return raw("<td class=\"n total\">").text(count(total)).raw("</td></tr></tfoot>\n</table>\n");
    }

    @Override
    public String toString() {
        return html.toString();
    }

    /** A count as readers write it: {@code 12,345}. */
    static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** A whole percentage; a share too small to round to 1 % is not shown as none. */
    static String share(long count, long total) {
        if (total == 0) {
            return "–";
        }
        long percent = Math.round(100.0 * count / total);
        return count > 0 && percent == 0 ? "<1%" : percent + "%";
    }

    /** A bar for the share; decorative (the share is written beside it), so hidden from screen readers. */
    private static String bar(long count, long total) {
        double width = total == 0 ? 0 : (double) BAR_WIDTH * count / total;
        return "<svg class=\"bar\" width=\"" + BAR_WIDTH + "\" height=\"" + BAR_HEIGHT + "\" viewBox=\"0 0 "
                + BAR_WIDTH + " " + BAR_HEIGHT + "\" aria-hidden=\"true\" focusable=\"false\">"
                + "<rect class=\"track\" width=\"" + BAR_WIDTH + "\" height=\"" + BAR_HEIGHT + "\" fill=\"#e8edf3\"/>"
                + "<rect width=\"" + TransparencyReport.number(Math.round(width * 10) / 10.0) + "\" height=\""
                + BAR_HEIGHT + "\" fill=\"#2f5f96\"/></svg> ";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
