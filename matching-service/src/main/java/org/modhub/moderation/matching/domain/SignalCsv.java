package org.modhub.moderation.matching.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.event.matching.UploadVerdict;

/**
 * Hash lists in the shape HMA banks exchange: one signal per row with its type, RFC 4180 CSV with the header
 * {@value #HEADER}. Parsed by a small state machine (quotes, doubled quotes, line breaks inside quotes, CRLF or
 * LF), never by a regular expression over the body. Every problem names its line and column; the caller imports
 * nothing when there is one.
 */
public final class SignalCsv {

    public static final String HEADER = "signal_type,signal,source,reason,verdict";
    static final String[] COLUMNS = HEADER.split(",");
    /** Problems reported at most, so a wholly wrong file gives a short answer. */
    static final int MAX_PROBLEMS = 20;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private SignalCsv() {}

    /** One imported signal. */
    public record Row(int line, String sha256, String source, String reason, UploadVerdict verdict) {}

    /** One problem: the line (1 is the header) and column (1-based) and what is wrong. */
    public record Problem(int line, int column, String message) {

        /** The column's name, or "" past the known columns. */
        public String columnName() {
            return column >= 1 && column <= COLUMNS.length ? COLUMNS[column - 1] : "";
        }
    }

    /** What a parse found: rows when there are no problems. */
    public record Parsed(List<Row> rows, List<Problem> problems) {}

    public static Parsed parse(String body, int maxSourceLength, int maxReasonLength) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Reader reader = new Reader(body.startsWith("\uFEFF") ? body.substring(1) : body);
        List<String> header = reader.record(problems);
        if (header == null) {
            problems.add(new Problem(1, 1, "the body is empty; the first line must be " + HEADER));
            return new Parsed(List.of(), problems);
        }
        if (!header.equals(List.of(COLUMNS))) {
            problems.add(new Problem(1, 1, "the first line must be the header " + HEADER));
            return new Parsed(List.of(), problems);
        }
        while (problems.size() < MAX_PROBLEMS) {
            int line = reader.line;
            List<String> fields = reader.record(problems);
            if (fields == null) {
                break;
            }
            if (fields.isEmpty()) {
                continue; // its problem is recorded
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue; // a blank line
            }
            if (fields.size() != COLUMNS.length) {
                problems.add(new Problem(
                        line,
                        Math.min(fields.size(), COLUMNS.length) + 1,
                        "has " + fields.size() + " fields; every row has " + COLUMNS.length + " (" + HEADER + ")"));
                continue;
            }
            int before = problems.size();
            if (!"sha256".equals(fields.get(0))) {
                problems.add(new Problem(line, 1, "signal_type must be sha256"));
            }
            String signal = fields.get(1).strip();
            if (!SHA256.matcher(signal).matches()) {
                problems.add(new Problem(line, 2, "signal must be a sha256 of 64 hex digits"));
            }
            String source = fields.get(2).strip();
            if (source.isEmpty() || source.length() > maxSourceLength) {
                problems.add(new Problem(line, 3, "source is required, at most " + maxSourceLength + " characters"));
            }
            String reason = fields.get(3).strip();
            if (reason.isEmpty() || reason.length() > maxReasonLength) {
                problems.add(new Problem(line, 4, "reason is required, at most " + maxReasonLength + " characters"));
            }
            UploadVerdict verdict = UploadVerdict.HOLD_FOR_REVIEW;
            String verdictText = fields.get(4).strip();
            if (!verdictText.isEmpty()) {
                if (verdictText.equals("REFUSE")) {
                    verdict = UploadVerdict.REFUSE;
                } else if (!verdictText.equals("HOLD_FOR_REVIEW")) {
                    problems.add(new Problem(line, 5, "verdict must be REFUSE or HOLD_FOR_REVIEW (default)"));
                }
            }
            if (problems.size() == before) {
                rows.add(new Row(line, signal.toLowerCase(Locale.ROOT), source, reason, verdict));
            }
        }
        return new Parsed(problems.isEmpty() ? rows : List.of(), problems);
    }

    /** One CSV field, quoted when RFC 4180 requires it. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** One row as written by exports, with its line break. */
    public static String row(String sha256, String source, String reason, UploadVerdict verdict) {
        return "sha256," + sha256 + "," + field(source) + "," + field(reason) + "," + verdict.name() + "\r\n";
    }

    /** Reads records one by one, tracking the physical line. */
    private static final class Reader {
        private final String text;
        private int pos;
        int line = 1;

        Reader(String text) {
            this.text = text;
        }

        /** The next record's fields, or null at the end. */
        List<String> record(List<Problem> problems) {
            if (pos >= text.length()) {
                return null;
            }
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                    continue;
                }
                if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                    // CRLF: the LF ends the record.
                } else if (c == '\n') {
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else if (c == '"') {
                    if (field.isEmpty() && !wasQuoted) {
                        quoted = true;
                        wasQuoted = true;
                    } else {
                        problems.add(new Problem(
                                startLine,
                                fields.size() + 1,
                                "a quote inside an unquoted field (RFC 4180: quote the field and double the quote)"));
                        skipLine();
                        return List.of();
                    }
                } else {
                    if (wasQuoted) {
                        problems.add(new Problem(startLine, fields.size() + 1, "text after a closing quote"));
                        skipLine();
                        return List.of();
                    }
                    field.append(c);
                }
            }
            if (quoted) {
                problems.add(new Problem(startLine, fields.size() + 1, "a quoted field is never closed"));
                return List.of();
            }
            fields.add(field.toString());
            return fields;
        }

        private void skipLine() {
            while (pos < text.length()) {
                if (text.charAt(pos++) == '\n') {
                    line++;
                    return;
                }
            }
        }
    }
}
