package org.modhub.moderation.reporting.domain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;

/**
 * Tells a mail's category from its words. The most severe harms are checked first; a mail that
 * matches nothing is left for staff to triage.
 */
public final class MailKeywords {

    private static final Map<Pattern, PolicySubcategory> RULES = new LinkedHashMap<>();

    static {
        rule(
                "\\bcsam\\b|child (sexual|abuse|porn)|sexual abuse of (a )?(child|minor)",
                PolicySubcategory.CHILD_SEXUAL_ABUSE_MATERIAL);
        rule("terroris[tm]|extremist propaganda", PolicySubcategory.TERRORIST_CONTENT);
        rule("non-?consensual|deepfake porn|revenge porn", PolicySubcategory.NON_CONSENSUAL_SEXUAL_CONTENT);
        rule("malware|trojan|virus|ransomware|backdoor|malicious (code|pickle)", PolicySubcategory.MALWARE);
        rule("phishing", PolicySubcategory.PHISHING);
        rule("\\bscam|fraud", PolicySubcategory.SCAM);
        rule("weapon|explosive|bioweapon", PolicySubcategory.WEAPONS_DEVELOPMENT);
        rule("hate speech|racis[tm]|antisemit", PolicySubcategory.HATE_SPEECH);
        rule("harass|stalk", PolicySubcategory.HARASSMENT);
        rule(
                "doxx|home address|phone number|personal data|private information",
                PolicySubcategory.PRIVATE_INFORMATION_DISCLOSURE);
        rule("privacy", PolicySubcategory.PRIVACY_VIOLATION);
        rule("defamat|libel|slander", PolicySubcategory.DEFAMATION);
        rule("disinformation|misinformation", PolicySubcategory.DISINFORMATION);
        rule("copyright|trademark|infring", PolicySubcategory.IP_INFRINGEMENT);
        rule("crypto ?min", PolicySubcategory.CRYPTOMINING);
        rule("\\bspam", PolicySubcategory.SPAM);
    }

    private MailKeywords() {}

    private static void rule(String regex, PolicySubcategory subcategory) {
        RULES.put(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), subcategory);
    }

    /** The subcategory the text names, if any. */
    public static Optional<PolicySubcategory> classify(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return RULES.entrySet().stream()
                .filter(e -> e.getKey().matcher(lower).find())
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
