package org.modhub.moderation.review.transparency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page: every figure in tables, and every breakdown also as
 * an inline SVG bar chart drawn here on the server. No script, stylesheet or font is fetched, so it
 * renders in a cluster without internet and can be archived as it is.
 */
public final class TransparencyReportHtml {

    private static final int BAR_WIDTH = 360;
    private static final int BAR_HEIGHT = 18;
    private static final int LABEL_WIDTH = 300;

    private TransparencyReportHtml() {}

    public static String write(TransparencyReport report) {
        // Rows grouped as section -> figure -> rows, in report order.
        Map<String, Map<String, List<TransparencyReport.Row>>> sections = new LinkedHashMap<>();
        for (TransparencyReport.Row row : report.rows()) {
            sections.computeIfAbsent(row.section(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.figure(), k -> new ArrayList<>())
                    .add(row);
        }
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Transparency report ")
                .append(esc(report.from().toString()))
                .append(" to ")
                .append(esc(report.to().toString()))
                .append("</title><style>")
                .append(
                        "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0}")
                .append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}td.n{text-align:right}")
                .append("svg text{font-size:12px;font-family:sans-serif}</style></head><body>\n")
                .append("<h1>Transparency report (DSA Art. 15, 24)</h1>\n<p>Period: from ")
                .append(esc(report.from().toString()))
                .append(" (inclusive) to ")
                .append(esc(report.to().toString()))
                .append(" (exclusive), UTC.</p>\n");
        sections.forEach((section, figures) -> {
            if (section.equals("period")) {
                return;
            }
            html.append("<section id=\"")
                    .append(esc(section))
                    .append("\"><h2>")
                    .append(esc(section))
                    .append("</h2>\n");
            html.append("<table><tbody>\n");
            figures.forEach((figure, rows) -> {
                if (rows.size() == 1 && rows.get(0).key().isEmpty()) {
                    html.append("<tr><th>")
                            .append(esc(figure))
                            .append("</th><td class=\"n\">")
                            .append(esc(rows.get(0).value()))
                            .append("</td></tr>\n");
                }
            });
            html.append("</tbody></table>\n");
            figures.forEach((figure, rows) -> {
                if (!(rows.size() == 1 && rows.get(0).key().isEmpty())) {
                    html.append("<h3>")
                            .append(esc(figure))
                            .append("</h3>\n")
                            .append(chart(section + "." + figure, rows));
                }
            });
            html.append("</section>\n");
        });
        return html.append("</body></html>\n").toString();
    }

    /** A horizontal bar chart: one bar per key, scaled to the largest value, with the value written beside it. */
    static String chart(String id, List<TransparencyReport.Row> rows) {
        long max = rows.stream().mapToLong(r -> Long.parseLong(r.value())).max().orElse(0);
        int height = rows.size() * (BAR_HEIGHT + 4) + 4;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" data-chart=\"")
                .append(esc(id))
                .append("\" aria-label=\"")
                .append(esc(id))
                .append("\" width=\"")
                .append(LABEL_WIDTH + BAR_WIDTH + 60)
                .append("\" height=\"")
                .append(height)
                .append("\">\n");
        int y = 4;
        for (TransparencyReport.Row row : rows) {
            long value = Long.parseLong(row.value());
            long width = max == 0 ? 0 : Math.round((double) value * BAR_WIDTH / max);
            svg.append("<text x=\"")
                    .append(LABEL_WIDTH - 6)
                    .append("\" y=\"")
                    .append(y + BAR_HEIGHT - 5)
                    .append("\" text-anchor=\"end\">")
                    .append(esc(row.key()))
                    .append("</text>")
                    .append("<rect data-key=\"")
                    .append(esc(row.key()))
                    .append("\" data-value=\"")
                    .append(value)
                    .append("\" x=\"")
                    .append(LABEL_WIDTH)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(width)
                    .append("\" height=\"")
                    .append(BAR_HEIGHT)
                    .append("\" fill=\"#3b6ea8\"><title>")
                    .append(esc(row.key()))
                    .append(": ")
                    .append(value)
                    .append("</title></rect>")
                    .append("<text x=\"")
                    .append(LABEL_WIDTH + width + 4)
                    .append("\" y=\"")
                    .append(y + BAR_HEIGHT - 5)
                    .append("\">")
                    .append(value)
                    .append("</text>\n");
            y += BAR_HEIGHT + 4;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
