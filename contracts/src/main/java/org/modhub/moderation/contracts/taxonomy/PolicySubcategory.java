package org.modhub.moderation.contracts.taxonomy;

import static org.modhub.moderation.contracts.dsa.DsaKeyword.*;
import static org.modhub.moderation.contracts.dsa.DsaStatementCategory.*;
import static org.modhub.moderation.contracts.taxonomy.PolicyCategory.*;
import static org.modhub.moderation.contracts.taxonomy.Severity.*;

import java.util.List;

import org.modhub.moderation.contracts.dsa.DsaKeyword;
import org.modhub.moderation.contracts.dsa.DsaStatementCategory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Every kind of Restricted Content the policy lists under its five categories. Each bullet of the
 * policy is a subcategory; so is each parenthesised example that is a different kind of harm
 * (a different severity or DSA mapping). Examples that only name forms or tools of one harm
 * (trojans and viruses are malware; TOR and VNC are ways to bypass restrictions) are folded into
 * that subcategory's label. A bullet that ends in "etc." keeps a catch-all subcategory of its own.
 * "Scams" appears under both categories 1 and 2 of the policy, so it is two subcategories:
 * promoting scams (1) and a scam itself (2).
 *
 * <p>JSON carries the {@link #code()}, which never changes once published; a new subcategory is
 * additive, but consumers must be deployed before producers that use it.
 */
public enum PolicySubcategory {

    // 1. Unlawful or illegal Content
    /** "All Content that violates any applicable law or regulation." */
    UNLAWFUL_CONTENT(
            UNLAWFUL,
            "unlawful_content",
            "Content that violates applicable law",
            MEDIUM,
            true,
            STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE),
    /** "Content promoting high-risk illegal activities (…, etc.)": the catch-all for "etc.". */
    HIGH_RISK_ILLEGAL_ACTIVITY(
            UNLAWFUL,
            "high_risk_illegal_activity",
            "Promotion of other high-risk illegal activities",
            HIGH,
            true,
            STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY),
    WEAPONS_DEVELOPMENT(
            UNLAWFUL,
            "weapons_development",
            "Weapons development",
            HIGH,
            true,
            STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY),
    ILLEGAL_SUBSTANCES(
            UNLAWFUL,
            "illegal_substances",
            "Illegal substances",
            HIGH,
            true,
            STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS,
            KEYWORD_PROHIBITED_PRODUCTS),
    PROMOTING_SCAMS(UNLAWFUL, "promoting_scams", "Promotion of scams", HIGH, true, STATEMENT_CATEGORY_SCAMS_AND_FRAUD),
    GAMBLING(
            UNLAWFUL,
            "gambling",
            "Illegal gambling",
            MEDIUM,
            true,
            STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS,
            KEYWORD_PROHIBITED_PRODUCTS),
    PSEUDO_PHARMACEUTICALS(
            UNLAWFUL,
            "pseudo_pharmaceuticals",
            "Pseudo-pharmaceuticals",
            HIGH,
            true,
            STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS,
            KEYWORD_UNSAFE_PRODUCTS),
    /** Passing off others' work as one's own; infringement of a right is {@link #IP_INFRINGEMENT}. */
    PLAGIARISM(
            UNLAWFUL,
            "plagiarism",
            "Plagiarism",
            LOW,
            false,
            STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS,
            KEYWORD_COPYRIGHT_INFRINGEMENT),

    // 2. Fraudulent or Malicious Activities
    /** "Unlawful, defamatory, fraudulent, or intentionally deceptive Content": the catch-all. */
    DECEPTIVE_CONTENT(
            FRAUDULENT_OR_MALICIOUS,
            "deceptive_content",
            "Fraudulent or intentionally deceptive content",
            MEDIUM,
            false,
            STATEMENT_CATEGORY_SCAMS_AND_FRAUD),
    DEFAMATION(
            FRAUDULENT_OR_MALICIOUS,
            "defamation",
            "Defamation",
            MEDIUM,
            true,
            STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH,
            KEYWORD_DEFAMATION),
    DISINFORMATION(
            FRAUDULENT_OR_MALICIOUS,
            "disinformation",
            "Disinformation",
            MEDIUM,
            false,
            STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS,
            KEYWORD_MISINFORMATION_DISINFORMATION),
    PHISHING(
            FRAUDULENT_OR_MALICIOUS,
            "phishing",
            "Phishing",
            HIGH,
            true,
            STATEMENT_CATEGORY_SCAMS_AND_FRAUD,
            KEYWORD_PHISHING),
    SCAM(FRAUDULENT_OR_MALICIOUS, "scam", "Scam", HIGH, true, STATEMENT_CATEGORY_SCAMS_AND_FRAUD),
    INAUTHENTIC_BEHAVIOUR(
            FRAUDULENT_OR_MALICIOUS,
            "inauthentic_behaviour",
            "Inauthentic behaviour or impersonation",
            MEDIUM,
            false,
            STATEMENT_CATEGORY_SCAMS_AND_FRAUD,
            KEYWORD_INAUTHENTIC_ACCOUNTS,
            KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING),
    /** "Content that promotes or induces unlawful or fraudulent currencies, securities, investments, or transactions." */
    FRAUDULENT_FINANCIAL_SCHEME(
            FRAUDULENT_OR_MALICIOUS,
            "fraudulent_financial_scheme",
            "Unlawful or fraudulent currencies, securities, investments or transactions",
            HIGH,
            true,
            STATEMENT_CATEGORY_SCAMS_AND_FRAUD,
            KEYWORD_PYRAMID_SCHEMES),
    /** "Content that performs illegal or unlicensed professional practices (…, etc.)": the catch-all. */
    UNLICENSED_PROFESSIONAL_PRACTICE(
            FRAUDULENT_OR_MALICIOUS,
            "unlicensed_professional_practice",
            "Other illegal or unlicensed professional practice",
            MEDIUM,
            true,
            STATEMENT_CATEGORY_OTHER_VIOLATION_TC,
            KEYWORD_GOODS_SERVICES_NOT_PERMITTED),
    UNLICENSED_MEDICAL_PRACTICE(
            FRAUDULENT_OR_MALICIOUS,
            "unlicensed_medical_practice",
            "Unlicensed medical practice",
            HIGH,
            true,
            STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY,
            KEYWORD_RISK_PUBLIC_HEALTH),
    UNLICENSED_LEGAL_PRACTICE(
            FRAUDULENT_OR_MALICIOUS,
            "unlicensed_legal_practice",
            "Unlicensed legal practice",
            MEDIUM,
            true,
            STATEMENT_CATEGORY_OTHER_VIOLATION_TC,
            KEYWORD_GOODS_SERVICES_NOT_PERMITTED),
    UNLICENSED_FINANCIAL_PRACTICE(
            FRAUDULENT_OR_MALICIOUS,
            "unlicensed_financial_practice",
            "Unlicensed financial practice",
            HIGH,
            true,
            STATEMENT_CATEGORY_OTHER_VIOLATION_TC,
            KEYWORD_GOODS_SERVICES_NOT_PERMITTED),

    // 3. Harmful or Abusive Content
    /** "Content that harms individuals or groups." */
    HARM_TO_INDIVIDUALS_OR_GROUPS(
            HARMFUL_OR_ABUSIVE,
            "harm_to_individuals_or_groups",
            "Content that harms individuals or groups",
            MEDIUM,
            false,
            STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH),
    DISCRIMINATION(
            HARMFUL_OR_ABUSIVE,
            "discrimination",
            "Promotion of discrimination",
            MEDIUM,
            false,
            STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH,
            KEYWORD_DISCRIMINATION),
    HATE_SPEECH(
            HARMFUL_OR_ABUSIVE,
            "hate_speech",
            "Hate speech",
            HIGH,
            true,
            STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH,
            KEYWORD_HATE_SPEECH),
    HARASSMENT(
            HARMFUL_OR_ABUSIVE,
            "harassment",
            "Harassment",
            MEDIUM,
            false,
            STATEMENT_CATEGORY_CYBER_VIOLENCE,
            KEYWORD_CYBER_HARASSMENT),
    BULLYING(
            HARMFUL_OR_ABUSIVE,
            "bullying",
            "Bullying",
            MEDIUM,
            false,
            STATEMENT_CATEGORY_CYBER_VIOLENCE,
            KEYWORD_CYBER_BULLYING_INTIMIDATION),
    DEMEANING_BEHAVIOUR(
            HARMFUL_OR_ABUSIVE,
            "demeaning_behaviour",
            "Demeaning behaviour",
            LOW,
            false,
            STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH),
    /** "Sexual Content used for harassment, bullying, …". */
    SEXUAL_HARASSMENT(
            HARMFUL_OR_ABUSIVE,
            "sexual_harassment",
            "Sexual content used for harassment or bullying",
            HIGH,
            true,
            STATEMENT_CATEGORY_CYBER_VIOLENCE,
            KEYWORD_CYBER_HARASSMENT),
    /** "… or created without explicit consent": intimate images and sexual deepfakes of adults. */
    NON_CONSENSUAL_SEXUAL_CONTENT(
            HARMFUL_OR_ABUSIVE,
            "non_consensual_sexual_content",
            "Sexual content created or shared without consent",
            HIGH,
            true,
            STATEMENT_CATEGORY_CYBER_VIOLENCE,
            KEYWORD_NON_CONSENSUAL_IMAGE_SHARING,
            KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE),
    /** "Underage nudity". */
    UNDERAGE_NUDITY(
            HARMFUL_OR_ABUSIVE,
            "underage_nudity",
            "Nudity of minors",
            CRITICAL,
            true,
            STATEMENT_CATEGORY_PROTECTION_OF_MINORS),
    /** "… or any sexual Content involving minors", including synthetic material. */
    CHILD_SEXUAL_ABUSE_MATERIAL(
            HARMFUL_OR_ABUSIVE,
            "child_sexual_abuse_material",
            "Sexual content involving minors (CSAM)",
            CRITICAL,
            true,
            STATEMENT_CATEGORY_PROTECTION_OF_MINORS,
            KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL,
            KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE),
    TERRORIST_CONTENT(
            HARMFUL_OR_ABUSIVE,
            "terrorist_content",
            "Terrorist content",
            CRITICAL,
            true,
            STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY,
            KEYWORD_TERRORIST_CONTENT),
    /** "Content that glorifies violence, suffering, or humiliation." */
    GLORIFICATION_OF_VIOLENCE(
            HARMFUL_OR_ABUSIVE,
            "glorification_of_violence",
            "Glorification of violence, suffering or humiliation",
            HIGH,
            false,
            STATEMENT_CATEGORY_VIOLENCE),

    // 4. Privacy and Intellectual Property (IP)
    /** "Content that violates the privacy of a third party": the catch-all. */
    PRIVACY_VIOLATION(
            PRIVACY_AND_IP,
            "privacy_violation",
            "Violation of a third party's privacy",
            HIGH,
            true,
            STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS,
            KEYWORD_MISSING_PROCESSING_GROUND),
    /** "Publishing others' private information, such as a physical or email address, without their explicit permission." */
    PRIVATE_INFORMATION_DISCLOSURE(
            PRIVACY_AND_IP,
            "private_information_disclosure",
            "Publishing others' private information without permission",
            HIGH,
            true,
            STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS,
            KEYWORD_MISSING_PROCESSING_GROUND),
    /** "Content that infringes the intellectual property rights of a third party." DMCA notices land here. */
    IP_INFRINGEMENT(
            PRIVACY_AND_IP,
            "ip_infringement",
            "Infringement of intellectual property rights",
            MEDIUM,
            true,
            STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS,
            KEYWORD_COPYRIGHT_INFRINGEMENT,
            KEYWORD_TRADEMARK_INFRINGEMENT,
            KEYWORD_PATENT_INFRINGEMENT,
            KEYWORD_DESIGN_INFRINGEMENT,
            KEYWORD_TRADE_SECRET_INFRINGEMENT,
            KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT),

    // 5. Platform Abuse, Security Violations and Spam
    /** "Content designed to disrupt, damage, or gain unauthorized access to systems or devices." */
    SYSTEM_DISRUPTION(
            PLATFORM_ABUSE,
            "system_disruption",
            "Disrupting, damaging or gaining unauthorised access to systems",
            HIGH,
            true,
            STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY),
    /** "Content that attempts to transmit or generate malicious code (e.g., malware, trojans, viruses)." */
    MALWARE(
            PLATFORM_ABUSE,
            "malware",
            "Malicious code (malware, trojans, viruses)",
            HIGH,
            true,
            STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY),
    /** "Abuse or interference with Hugging Face services": the catch-all for the list under it. */
    SERVICE_ABUSE(
            PLATFORM_ABUSE,
            "service_abuse",
            "Other abuse of or interference with the hub's services",
            MEDIUM,
            false,
            STATEMENT_CATEGORY_OTHER_VIOLATION_TC),
    UNAUTHORIZED_BOT_API(
            PLATFORM_ABUSE,
            "unauthorized_bot_api",
            "Unauthorised bot APIs or remote management tools",
            MEDIUM,
            false,
            STATEMENT_CATEGORY_OTHER_VIOLATION_TC,
            KEYWORD_GOODS_SERVICES_NOT_PERMITTED),
    EXCESSIVE_OR_IRRELEVANT_DATA(
            PLATFORM_ABUSE,
            "excessive_or_irrelevant_data",
            "Hosting excessive or irrelevant data in repositories",
            LOW,
            false,
            STATEMENT_CATEGORY_OTHER_VIOLATION_TC),
    /** "Using tools like Cloudflare Tunnel, TOR, proxies, VNC, Chrome Remote Server, etc., to bypass restrictions." */
    RESTRICTION_BYPASS(
            PLATFORM_ABUSE,
            "restriction_bypass",
            "Bypassing restrictions with tunnels, TOR, proxies or remote desktops",
            MEDIUM,
            false,
            STATEMENT_CATEGORY_OTHER_VIOLATION_TC,
            KEYWORD_GOODS_SERVICES_NOT_PERMITTED),
    /** "Incentivizing manipulation of Hugging Face Hub metrics (e.g., exchanging rewards for likes)." */
    METRICS_MANIPULATION(
            PLATFORM_ABUSE,
            "metrics_manipulation",
            "Manipulation of hub metrics",
            LOW,
            false,
            STATEMENT_CATEGORY_OTHER_VIOLATION_TC),
    CRYPTOMINING(
            PLATFORM_ABUSE,
            "cryptomining",
            "Cryptomining",
            MEDIUM,
            false,
            STATEMENT_CATEGORY_OTHER_VIOLATION_TC,
            KEYWORD_GOODS_SERVICES_NOT_PERMITTED),
    /** "Spam (e.g., advertising products/services, excessive bulk activity, or disrupting user experience)." */
    SPAM(
            PLATFORM_ABUSE,
            "spam",
            "Spam (advertising, excessive bulk activity, disrupting others)",
            LOW,
            false,
            STATEMENT_CATEGORY_OTHER_VIOLATION_TC);

    private final PolicyCategory category;
    private final String code;
    private final String label;
    private final Severity severity;
    private final boolean allegesIllegalContent;
    private final DsaStatementCategory dsaCategory;
    private final List<DsaKeyword> dsaKeywords;

    PolicySubcategory(
            PolicyCategory category,
            String code,
            String label,
            Severity severity,
            boolean allegesIllegalContent,
            DsaStatementCategory dsaCategory,
            DsaKeyword... dsaKeywords) {
        this.category = category;
        this.code = code;
        this.label = label;
        this.severity = severity;
        this.allegesIllegalContent = allegesIllegalContent;
        this.dsaCategory = dsaCategory;
        this.dsaKeywords = List.of(dsaKeywords);
    }

    /** The policy category this kind is listed under. */
    public PolicyCategory category() {
        return category;
    }

    /** Stable snake-case code used in JSON, never reused for another kind. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Short human label for forms, queues and mails. */
    public String label() {
        return label;
    }

    /** How urgently it must be handled; sets the priority of the case. */
    public Severity severity() {
        return severity;
    }

    /**
     * Whether a report of this kind alleges illegal content (a DSA Art. 16 notice) rather than
     * only a breach of the policy; decides the default decision ground.
     */
    public boolean allegesIllegalContent() {
        return allegesIllegalContent;
    }

    /** The statement {@code category} a statement of reasons for this kind carries. */
    public DsaStatementCategory dsaCategory() {
        return dsaCategory;
    }

    /**
     * The {@code category_specification} keywords that specify this kind, most likely first; empty
     * where no keyword of the API fits (the statement then carries none, or {@code KEYWORD_OTHER}
     * with a text). A decision cites those that apply to the case.
     */
    public List<DsaKeyword> dsaKeywords() {
        return dsaKeywords;
    }

    /** The subcategory with this code; throws {@link UnknownTaxonomyCodeException} otherwise. */
    @JsonCreator
    public static PolicySubcategory fromCode(String code) {
        return Taxonomy.subcategory(code);
    }
}
