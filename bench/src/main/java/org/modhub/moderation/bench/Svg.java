package org.modhub.moderation.bench;

import java.util.List;
import java.util.Locale;

/** Small hand-written SVG charts: horizontal bars with their values, and an optional goal line. */
final class Svg {

    /** One bar; {@code group} picks its colour. */
    record Bar(String label, double value, int group) {}

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"};

    private Svg() {}

    static String bars(String title, String unit, List<Bar> bars, Double goal, String goalLabel, List<String> legend) {
        int labelWidth = 260;
        int plotWidth = 460;
        int rowHeight = 24;
        int top = 40;
        int height = top + bars.size() * rowHeight + 40 + (legend.isEmpty() ? 0 : 20);
        double max = bars.stream()
                .mapToDouble(Bar::value)
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(1);
        if (goal != null) {
            max = Math.max(max, goal);
        }
        max = max <= 0 ? 1 : max * 1.15;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">%n",
                labelWidth + plotWidth + 90,
                height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                escape(title)));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = top + i * rowHeight;
            double width = Double.isNaN(bar.value()) ? 0 : bar.value() / max * plotWidth;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    labelWidth - 8,
                    y + 15,
                    escape(bar.label())));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    labelWidth,
                    y + 3,
                    width,
                    rowHeight - 6,
                    COLOURS[bar.group() % COLOURS.length]));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
                    labelWidth + width + 5,
                    y + 15,
                    Double.isNaN(bar.value()) ? "n/a" : format(bar.value()) + " " + escape(unit)));
        }
        int axisY = top + bars.size() * rowHeight;
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                labelWidth,
                top,
                labelWidth,
                axisY));
        if (goal != null) {
            double x = labelWidth + goal / max * plotWidth;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\" "
                            + "stroke-dasharray=\"5,4\"/>%n",
                    x,
                    top - 4,
                    x,
                    axisY + 4));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" fill=\"#c00\" text-anchor=\"middle\">%s</text>%n",
                    x,
                    axisY + 18,
                    escape(goalLabel)));
        }
        int legendX = labelWidth;
        for (int i = 0; i < legend.size(); i++) {
            int y = height - 14;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>%n",
                    legendX,
                    y - 9,
                    COLOURS[i % COLOURS.length],
                    legendX + 14,
                    y,
                    escape(legend.get(i))));
            legendX += 14 + 7 * legend.get(i).length() + 20;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
