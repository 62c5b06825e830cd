package org.modhub.moderation.dmca.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.subject.HubLinks;

/**
 * The elements of a notice (17 U.S.C. 512(c)(3)(A)) or a counter-notice (512(g)(3)) that can be
 * recognised in a mail's words: {@code /s/ name} or {@code Signature:} lines, {@code Copyrighted work:}
 * lines, hub URLs, {@code Name:}/{@code Company:}/{@code Address:}/{@code Phone:} lines or the From
 * display name, and the statements however the client wrapped or quoted them ({@link MailText}).
 * The line rules run on text already capped in size and unquoted, one line at a time.
 */
public final class MailElements {

    private static final Pattern DISPLAY_NAME = Pattern.compile("^\\s*\"?([^\"<]+?)\"?\\s*<");
    private static final Pattern SIGNATURE = Pattern.compile(
            "^[ \\t]*(?:/s/[ \\t]*(.+)|(?:electronic[ \\t]+)?(?:signature|signed)[ \\t]*:[ \\t]*(.+)|(/[^/\\n]{2,80}/))[ \\t]*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern WORK = Pattern.compile(
            "^[ \\t]*(?:copyrighted|original|infringed)?[ \\t]*works?(?:[ \\t]+infringed)?[ \\t]*:[ \\t]*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile(
            "^[ \\t]*(?:full[ \\t]+)?name[ \\t]*:[ \\t]*(.+)$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern ORGANISATION = Pattern.compile(
            "^[ \\t]*(?:company|organi[sz]ation|on behalf of)[ \\t]*:[ \\t]*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern POSTAL = Pattern.compile(
            "^[ \\t]*(?:postal[ \\t]+)?address[ \\t]*:[ \\t]*(.+)$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern PHONE = Pattern.compile(
            "^[ \\t]*(?:phone|tel|telephone)\\.?[ \\t]*:[ \\t]*(.+)$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private final HubLinks hub;
    private final int maxItems;

    public MailElements(HubLinks hub, int maxItems) {
        this.hub = hub;
        this.maxItems = maxItems;
    }

    /** A notice's elements; {@code from} is the sender's address, {@code fromHeader} the From header (display name). */
    public NoticeInput notice(String mailText, String from, String fromHeader) {
        String text = MailText.unquote(mailText);
        List<NoticeInput.Work> works = new ArrayList<>();
        Matcher w = WORK.matcher(text);
        while (w.find() && works.size() < maxItems) {
            String description = w.group(1).strip();
            List<String> links = HubLinks.links(description);
            works.add(new NoticeInput.Work(
                    description,
                    links.stream().filter(l -> !hub.isHubLink(l)).findFirst().orElse(null)));
        }
        List<NoticeInput.Material> material = hubLinks(text).stream()
                .map(url -> new NoticeInput.Material(url, null))
                .toList();
        String name = first(NAME, text);
        if (name == null) {
            Matcher m = DISPLAY_NAME.matcher(fromHeader == null ? "" : fromHeader);
            name = m.find() ? m.group(1).strip() : null;
        }
        NoticeInput.Contact contact =
                new NoticeInput.Contact(name, first(ORGANISATION, text), from, first(POSTAL, text), first(PHONE, text));
        MailText.Statements s = MailText.Statements.in(text);
        return new NoticeInput(
                null, first(SIGNATURE, text), works, material, contact, s.goodFaith(), s.accurate(), s.authorised());
    }

    /** A counter-notice's elements; the material is each hub URL named, the email the sender's address. */
    public CounterNoticeInput counterNotice(String mailText, String from) {
        String text = MailText.unquote(mailText);
        List<CounterNoticeInput.Item> material = hubLinks(text).stream()
                .map(url -> new CounterNoticeInput.Item(url, null))
                .toList();
        MailText.Statements s = MailText.Statements.in(text);
        return new CounterNoticeInput(
                first(SIGNATURE, text),
                material,
                s.mistakeUnderPenaltyOfPerjury(),
                first(NAME, text),
                first(POSTAL, text),
                first(PHONE, text),
                from,
                s.consentToJurisdiction(),
                s.consentToServiceOfProcess());
    }

    /** The http(s) links of a text (evidence: where the filed complaint can be read). */
    public List<String> links(String mailText) {
        return HubLinks.links(MailText.unquote(mailText)).stream()
                .distinct()
                .limit(maxItems)
                .toList();
    }

    private List<String> hubLinks(String text) {
        return HubLinks.links(text).stream()
                .filter(hub::isHubLink)
                .distinct()
                .limit(maxItems)
                .toList();
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null && !m.group(g).isBlank()) {
                return m.group(g).strip();
            }
        }
        return null;
    }
}
