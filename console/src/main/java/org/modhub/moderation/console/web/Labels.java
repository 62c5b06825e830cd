package org.modhub.moderation.console.web;

import java.util.Locale;

import org.modhub.moderation.contracts.taxonomy.PolicyCategory;

import io.quarkus.qute.TemplateExtension;

/**
 * Human words for the codes the services send: {@code {label:category(c.category)}} gives the policy's
 * title, {@code {label:words('SOURCE_TYPE_TRUSTED_FLAGGER')}} "Trusted flagger". Staff read titles, not
 * enum names.
 */
@TemplateExtension(namespace = "label")
public final class Labels {

    private Labels() {}

    /** A policy category's title ("4. Privacy"), or the code itself when the taxonomy does not know it. */
    public static String category(Object code) {
        if (code == null) {
            return "";
        }
        try {
            PolicyCategory category = PolicyCategory.fromCode(code.toString());
            return category.number() + ". " + category.title();
        } catch (IllegalArgumentException e) {
            return code.toString();
        }
    }

    /**
     * An enum-like code in words: {@code STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE} → "Scope of platform
     * service", {@code senior-moderator} → "Senior moderator". Known prefixes of the DSA vocabulary are dropped.
     */
    public static String words(Object code) {
        if (code == null) {
            return "";
        }
        String s = code.toString();
        for (String prefix : PREFIXES) {
            if (s.startsWith(prefix) && s.length() > prefix.length()) {
                s = s.substring(prefix.length());
                break;
            }
        }
        s = s.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT).trim();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A code as a CSS class name ("HIGH" → "high"). */
    public static String css(Object code) {
        return code == null ? "" : code.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private static final String[] PREFIXES = {
        "STATEMENT_CATEGORY_",
        "SOURCE_TYPE_",
        "DECISION_VISIBILITY_",
        "DECISION_MONETARY_",
        "DECISION_PROVISION_",
        "DECISION_ACCOUNT_",
        "DECISION_GROUND_",
        "CONTENT_TYPE_",
        "KEYWORD_",
        "AUTOMATED_DECISION_",
        "SEVERITY_"
    };
}
