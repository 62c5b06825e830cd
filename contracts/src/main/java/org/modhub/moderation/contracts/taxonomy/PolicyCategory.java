package org.modhub.moderation.contracts.taxonomy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The five categories of Restricted Content in the content policy, in the policy's order.
 * JSON carries the {@link #code()}.
 */
public enum PolicyCategory {
    UNLAWFUL("unlawful", 1, "Unlawful or illegal Content"),
    FRAUDULENT_OR_MALICIOUS("fraudulent_or_malicious", 2, "Fraudulent or Malicious Activities"),
    HARMFUL_OR_ABUSIVE("harmful_or_abusive", 3, "Harmful or Abusive Content"),
    PRIVACY_AND_IP("privacy_and_ip", 4, "Privacy and Intellectual Property (IP)"),
    PLATFORM_ABUSE("platform_abuse", 5, "Platform Abuse, Security Violations and Spam");

    private final String code;
    private final int number;
    private final String title;

    PolicyCategory(String code, int number, String title) {
        this.code = code;
        this.number = number;
        this.title = title;
    }

    /** Stable snake-case code used in JSON and URLs. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The section number in the policy (1 to 5). */
    public int number() {
        return number;
    }

    /** The heading the policy gives this category. */
    public String title() {
        return title;
    }

    /** This category's subcategories, in the policy's order. */
    public List<PolicySubcategory> subcategories() {
        return Taxonomy.subcategoriesOf(this);
    }

    /** The category with this code; throws {@link UnknownTaxonomyCodeException} otherwise. */
    @JsonCreator
    public static PolicyCategory fromCode(String code) {
        return Taxonomy.category(code);
    }
}
