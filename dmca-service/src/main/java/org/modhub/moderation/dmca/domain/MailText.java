package org.modhub.moderation.dmca.domain;

import java.util.Locale;

/**
 * Mail text as people's clients send it, made matchable: lines wrapped at 72 columns mid-phrase,
 * CRLF line ends, {@code "> "} reply quoting (a claimant forwarding or quoting their own notice),
 * runs of spaces and non-breaking spaces. Both passes are one linear scan over input capped at
 * {@link #MAX_CHARS} first, so hostile input costs at most that; no regular expression runs here.
 */
public final class MailText {

    /** Longest text looked at; beyond it a notice is not read (the original text kept is bounded too). */
    public static final int MAX_CHARS = 100_000;

    private MailText() {}

    /**
     * The text with its line structure kept (LF line ends) and each line's quote markers removed
     * ({@code >}, {@code > >}, {@code >>} and the blanks between them), for the {@code Name:} /
     * {@code Signature:} line rules.
     */
    public static String unquote(String text) {
        String in = cap(text);
        StringBuilder out = new StringBuilder(in.length());
        boolean lineStart = true;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c == '\r') {
                // CRLF or a lone CR: one line end.
                if (i + 1 < in.length() && in.charAt(i + 1) == '\n') {
                    i++;
                }
                out.append('\n');
                lineStart = true;
                continue;
            }
            if (c == '\n') {
                out.append('\n');
                lineStart = true;
                continue;
            }
            if (lineStart) {
                if (c == '>' || c == ' ' || c == '\t' || c == '\u00a0') {
                    continue;
                }
                lineStart = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The words of the text in one line, for matching statements: quote markers gone, every run of
     * whitespace (line breaks included) one space, lower case.
     */
    public static String normalize(String text) {
        String in = unquote(text);
        StringBuilder out = new StringBuilder(in.length());
        boolean space = false;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            // "good-faith" and "good faith" are the same words.
            out.append(
                    c == '-'
                                    && i + 1 < in.length()
                                    && Character.isLetter(in.charAt(i + 1))
                                    && i > 0
                                    && Character.isLetter(in.charAt(i - 1))
                            ? ' '
                            : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static String cap(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }

    /**
     * The statements of 17 U.S.C. 512(c)(3)(A)(v)–(vi) and 512(g)(3)(C)–(D) found in mail text,
     * however the client wrapped or quoted them.
     *
     * @param goodFaith (c)(3)(A)(v): a good faith belief that the use is not authorised
     * @param accurate (c)(3)(A)(vi): the information is accurate
     * @param authorised (c)(3)(A)(vi): under penalty of perjury, authorised to act for the owner
     * @param mistakeUnderPenaltyOfPerjury (g)(3)(C): under penalty of perjury, a good faith belief the material was
     *     removed as a result of mistake or misidentification
     * @param consentToJurisdiction (g)(3)(D): consent to the jurisdiction of the Federal District Court
     * @param consentToServiceOfProcess (g)(3)(D): will accept service of process from the claimant
     */
    public record Statements(
            boolean goodFaith,
            boolean accurate,
            boolean authorised,
            boolean mistakeUnderPenaltyOfPerjury,
            boolean consentToJurisdiction,
            boolean consentToServiceOfProcess) {

        public static Statements in(String text) {
            String t = normalize(text);
            boolean goodFaithBelief = t.contains("good faith belief");
            boolean perjury = t.contains("penalty of perjury");
            boolean authority = t.contains("authorized") || t.contains("authorised");
            boolean mistake = t.contains("mistake") && t.contains("misidentification");
            boolean consent = t.contains("consent");
            return new Statements(
                    goodFaithBelief,
                    t.contains("accurate"),
                    perjury && authority,
                    perjury && goodFaithBelief && mistake,
                    consent && t.contains("jurisdiction"),
                    t.contains("service of process") && (t.contains("accept") || consent));
        }
    }
}
