package org.modhub.moderation.contracts.taxonomy;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The clauses of the content policy a decision on content incompatible with the terms relies on: the
 * five sections of "Restricted Content" (DSA Art. 17(3)(e): "a reference to the contractual ground
 * relied on"). The statement names the clause and links the policy version in force.
 */
public enum PolicyClause {
    RESTRICTED_CONTENT_1(PolicyCategory.UNLAWFUL),
    RESTRICTED_CONTENT_2(PolicyCategory.FRAUDULENT_OR_MALICIOUS),
    RESTRICTED_CONTENT_3(PolicyCategory.HARMFUL_OR_ABUSIVE),
    RESTRICTED_CONTENT_4(PolicyCategory.PRIVACY_AND_IP),
    RESTRICTED_CONTENT_5(PolicyCategory.PLATFORM_ABUSE);

    private final PolicyCategory category;

    PolicyClause(PolicyCategory category) {
        this.category = category;
    }

    /** Stable code used in JSON: {@code restricted_content_<n>}. */
    @JsonValue
    public String code() {
        return "restricted_content_" + category.number();
    }

    /** The policy category this section defines. */
    public PolicyCategory category() {
        return category;
    }

    /** The clause as a statement cites it, e.g. "Restricted Content, section 5 (Platform Abuse, …)". */
    public String citation() {
        return "Restricted Content, section " + category.number() + " (" + category.title() + ")";
    }

    /** The section defining {@code category}. */
    public static PolicyClause of(PolicyCategory category) {
        return Arrays.stream(values())
                .filter(c -> c.category == category)
                .findFirst()
                .orElseThrow();
    }

    /** The clause with this code, if any. */
    public static Optional<PolicyClause> find(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }

    @JsonCreator
    public static PolicyClause fromCode(String code) {
        return find(code)
                .orElseThrow(() -> new UnknownTaxonomyCodeException(
                        "policy clause",
                        code,
                        Arrays.stream(values()).map(PolicyClause::code).toList()));
    }
}
