package org.modhub.moderation.review.transparency;

/** The report as CSV (RFC 4180): {@code section,figure,key,value}, one figure per line, the same rows as the HTML. */
public final class TransparencyReportCsv {

    public static final String MEDIA_TYPE = "text/csv";

    private TransparencyReportCsv() {}

    public static String write(TransparencyReport report) {
        StringBuilder csv = new StringBuilder("section,figure,key,value\r\n");
        for (TransparencyReport.Row row : report.rows()) {
            csv.append(field(row.section()))
                    .append(',')
                    .append(field(row.figure()))
                    .append(',')
                    .append(field(row.key()))
                    .append(',')
                    .append(field(row.value()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** Quoted only where needed; a leading formula character is defused for spreadsheets. */
    private static String field(String value) {
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value
                : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? '"' + v.replace("\"", "\"\"") + '"'
                : v;
    }
}
