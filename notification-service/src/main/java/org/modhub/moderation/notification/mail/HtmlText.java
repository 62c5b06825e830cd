package org.modhub.moderation.notification.mail;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an HTML mail body into readable plain text: block elements become line breaks, links keep their target. */
public final class HtmlText {

    private static final Pattern DROP = Pattern.compile("(?is)<(script|style|head|title)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern LINK = Pattern.compile("(?is)<a\\b[^>]*?href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</?(p|div|tr|h[1-6]|ul|ol|table|blockquote)\\b[^>]*>");
    private static final Pattern ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'",
            "nbsp", " ", "euro", "€", "copy", "©", "hellip", "…", "mdash", "—");

    private HtmlText() {
    }

    public static String toText(String html) {
        String s = DROP.matcher(html).replaceAll("");
        Matcher links = LINK.matcher(s);
        StringBuilder out = new StringBuilder();
        while (links.find()) {
            String href = links.group(1);
            String label = TAG.matcher(links.group(2)).replaceAll("").strip();
            String text = label.isEmpty() || label.equals(href) ? href : label + " (" + href + ")";
            links.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        links.appendTail(out);
        s = BREAK.matcher(out.toString()).replaceAll("\n");
        s = ITEM.matcher(s).replaceAll("\n- ");
        s = TAG.matcher(s).replaceAll("");
        s = unescape(s);
        s = s.replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ").replaceAll(" *\n *", "\n").replaceAll("\n{3,}", "\n\n");
        return s.strip();
    }

    private static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement;
            try {
                if (e.startsWith("#x") || e.startsWith("#X")) {
                    replacement = new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
                } else if (e.startsWith("#")) {
                    replacement = new String(Character.toChars(Integer.parseInt(e.substring(1))));
                } else {
                    replacement = NAMED.getOrDefault(e.toLowerCase(), m.group());
                }
            } catch (IllegalArgumentException invalid) {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
