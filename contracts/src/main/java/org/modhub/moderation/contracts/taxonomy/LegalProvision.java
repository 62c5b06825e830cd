package org.modhub.moderation.contracts.taxonomy;

import static org.modhub.moderation.contracts.taxonomy.PolicyCategory.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The provisions of law a decision on illegal content may rely on (DSA Art. 17(3)(d): "a reference to the legal
 * ground relied on"), each with the policy categories it serves. A decision names one, plus free text where the
 * provision needs precising (a national law, the article of a Member State's code); {@link #OTHER} names none
 * and needs that text. Category 1 ("All Content that violates any applicable law or regulation") may rely on every
 * provision. JSON carries the {@link #code()}; codes never change or get reused. The list is maintained here: add a
 * provision when moderators keep writing it under {@link #OTHER}.
 */
public enum LegalProvision {

    // --- Intellectual property (policy section 4) ---
    US_17_USC_512_C(
            "us_17_usc_512_c",
            "17 U.S.C. § 512(c)",
            "U.S. Copyright Act (DMCA): infringing material stored at a user's direction, removed on a notice under § 512(c)(3)",
            "https://www.law.cornell.edu/uscode/text/17/512",
            PRIVACY_AND_IP),
    US_17_USC_512_I(
            "us_17_usc_512_i",
            "17 U.S.C. § 512(i)(1)(A)",
            "U.S. Copyright Act (DMCA): termination of the accounts of repeat infringers",
            "https://www.law.cornell.edu/uscode/text/17/512",
            PRIVACY_AND_IP),
    US_17_USC_106_501(
            "us_17_usc_106_501",
            "17 U.S.C. §§ 106, 501",
            "U.S. Copyright Act: the owner's exclusive rights and their infringement",
            "https://www.law.cornell.edu/uscode/text/17/501",
            PRIVACY_AND_IP),
    EU_DIRECTIVE_2001_29(
            "eu_directive_2001_29",
            "Directive 2001/29/EC, Arts. 2-4",
            "Copyright in the information society: reproduction, communication to the public and distribution rights",
            "https://eur-lex.europa.eu/eli/dir/2001/29/oj",
            PRIVACY_AND_IP),
    EU_DIRECTIVE_2019_790(
            "eu_directive_2019_790",
            "Directive (EU) 2019/790, Art. 17",
            "Copyright in the Digital Single Market: content-sharing services and protected works",
            "https://eur-lex.europa.eu/eli/dir/2019/790/oj",
            PRIVACY_AND_IP),
    EU_REGULATION_2017_1001(
            "eu_regulation_2017_1001",
            "Regulation (EU) 2017/1001, Art. 9",
            "EU trade mark: the rights conferred by a trade mark",
            "https://eur-lex.europa.eu/eli/reg/2017/1001/oj",
            PRIVACY_AND_IP),
    US_15_USC_1114_1125(
            "us_15_usc_1114_1125",
            "15 U.S.C. §§ 1114, 1125",
            "U.S. Lanham Act: trademark infringement and false designation of origin",
            "https://www.law.cornell.edu/uscode/text/15/1114",
            PRIVACY_AND_IP),
    EU_DIRECTIVE_2016_943(
            "eu_directive_2016_943",
            "Directive (EU) 2016/943, Art. 4",
            "Trade secrets: unlawful acquisition, use and disclosure",
            "https://eur-lex.europa.eu/eli/dir/2016/943/oj",
            PRIVACY_AND_IP),

    // --- Privacy (policy section 4) ---
    EU_GDPR_PROCESSING(
            "eu_gdpr_processing",
            "Regulation (EU) 2016/679 (GDPR), Arts. 5, 6 and 9",
            "Processing personal data, or special categories of it, without a lawful basis",
            "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
            PRIVACY_AND_IP,
            HARMFUL_OR_ABUSIVE),
    EU_GDPR_ERASURE(
            "eu_gdpr_erasure",
            "Regulation (EU) 2016/679 (GDPR), Art. 17",
            "The data subject's right to erasure",
            "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
            PRIVACY_AND_IP),

    // --- Child sexual abuse material, underage nudity (policy section 3) ---
    US_18_USC_2252A_2256(
            "us_18_usc_2252a_2256",
            "18 U.S.C. §§ 2252A, 2256",
            "Child sexual abuse material: offences and definitions, including computer-generated images of minors",
            "https://www.law.cornell.edu/uscode/text/18/2256",
            HARMFUL_OR_ABUSIVE),
    US_18_USC_2258A(
            "us_18_usc_2258a",
            "18 U.S.C. § 2258A",
            "Providers' duty to report apparent child sexual abuse material to NCMEC",
            "https://www.law.cornell.edu/uscode/text/18/2258A",
            HARMFUL_OR_ABUSIVE),
    EU_DIRECTIVE_2011_93(
            "eu_directive_2011_93",
            "Directive 2011/93/EU, Arts. 2(c) and 5",
            "Combating the sexual abuse and sexual exploitation of children and child sexual abuse material",
            "https://eur-lex.europa.eu/eli/dir/2011/93/oj",
            HARMFUL_OR_ABUSIVE),

    // --- Terrorist content (policy section 3) ---
    EU_REGULATION_2021_784(
            "eu_regulation_2021_784",
            "Regulation (EU) 2021/784, Arts. 2(7) and 3",
            "Addressing the dissemination of terrorist content online",
            "https://eur-lex.europa.eu/eli/reg/2021/784/oj",
            HARMFUL_OR_ABUSIVE),
    EU_DIRECTIVE_2017_541(
            "eu_directive_2017_541",
            "Directive (EU) 2017/541, Art. 5",
            "Combating terrorism: public provocation to commit a terrorist offence",
            "https://eur-lex.europa.eu/eli/dir/2017/541/oj",
            HARMFUL_OR_ABUSIVE),
    US_18_USC_2339B(
            "us_18_usc_2339b",
            "18 U.S.C. § 2339B",
            "Material support to designated foreign terrorist organisations",
            "https://www.law.cornell.edu/uscode/text/18/2339B",
            HARMFUL_OR_ABUSIVE),

    // --- Hate speech, harassment, intimate images (policy section 3) ---
    EU_FRAMEWORK_DECISION_2008_913(
            "eu_framework_decision_2008_913",
            "Council Framework Decision 2008/913/JHA, Art. 1",
            "Combating racism and xenophobia by criminal law: public incitement to violence or hatred",
            "https://eur-lex.europa.eu/eli/dec_framw/2008/913/oj",
            HARMFUL_OR_ABUSIVE),
    EU_DIRECTIVE_2024_1385(
            "eu_directive_2024_1385",
            "Directive (EU) 2024/1385, Arts. 5-8",
            "Violence against women: non-consensual sharing of intimate or manipulated material, cyber stalking, "
                    + "cyber harassment, cyber incitement to violence or hatred",
            "https://eur-lex.europa.eu/eli/dir/2024/1385/oj",
            HARMFUL_OR_ABUSIVE),
    US_15_USC_6851(
            "us_15_usc_6851",
            "15 U.S.C. § 6851",
            "Disclosure of intimate images without consent",
            "https://www.law.cornell.edu/uscode/text/15/6851",
            HARMFUL_OR_ABUSIVE),

    // --- Fraud, scams, financial and professional practice (policy sections 1 and 2) ---
    EU_DIRECTIVE_2019_713(
            "eu_directive_2019_713",
            "Directive (EU) 2019/713, Arts. 3-7",
            "Fraud and counterfeiting of non-cash means of payment, including phishing",
            "https://eur-lex.europa.eu/eli/dir/2019/713/oj",
            FRAUDULENT_OR_MALICIOUS),
    EU_DIRECTIVE_2005_29(
            "eu_directive_2005_29",
            "Directive 2005/29/EC, Arts. 5-9",
            "Unfair commercial practices: misleading and aggressive practices",
            "https://eur-lex.europa.eu/eli/dir/2005/29/oj",
            FRAUDULENT_OR_MALICIOUS),
    US_18_USC_1343(
            "us_18_usc_1343",
            "18 U.S.C. § 1343",
            "Wire fraud",
            "https://www.law.cornell.edu/uscode/text/18/1343",
            FRAUDULENT_OR_MALICIOUS),
    EU_REGULATION_2023_1114(
            "eu_regulation_2023_1114",
            "Regulation (EU) 2023/1114 (MiCA), Art. 59",
            "Crypto-asset services only by authorised providers",
            "https://eur-lex.europa.eu/eli/reg/2023/1114/oj",
            FRAUDULENT_OR_MALICIOUS),
    EU_DIRECTIVE_2014_65(
            "eu_directive_2014_65",
            "Directive 2014/65/EU (MiFID II), Art. 5",
            "Investment services and activities only by authorised firms",
            "https://eur-lex.europa.eu/eli/dir/2014/65/oj",
            FRAUDULENT_OR_MALICIOUS),
    US_15_USC_77E(
            "us_15_usc_77e",
            "15 U.S.C. § 77e",
            "Securities Act of 1933, § 5: offers and sales of unregistered securities",
            "https://www.law.cornell.edu/uscode/text/15/77e",
            FRAUDULENT_OR_MALICIOUS),
    EU_DIRECTIVE_2001_83(
            "eu_directive_2001_83",
            "Directive 2001/83/EC, Arts. 6 and 85c",
            "Medicinal products for human use: marketing authorisation and sale at a distance",
            "https://eur-lex.europa.eu/eli/dir/2001/83/oj",
            FRAUDULENT_OR_MALICIOUS),

    // --- High-risk illegal activities (policy section 1) ---
    EU_REGULATION_2021_821(
            "eu_regulation_2021_821",
            "Regulation (EU) 2021/821, Arts. 3 and 8",
            "Export control of dual-use items, including technical assistance and software",
            "https://eur-lex.europa.eu/eli/reg/2021/821/oj",
            UNLAWFUL),
    US_22_USC_2778(
            "us_22_usc_2778",
            "22 U.S.C. § 2778",
            "Arms Export Control Act: control of arms exports and defence services",
            "https://www.law.cornell.edu/uscode/text/22/2778",
            UNLAWFUL),
    EU_FRAMEWORK_DECISION_2004_757(
            "eu_framework_decision_2004_757",
            "Council Framework Decision 2004/757/JHA, Art. 2",
            "Illicit drug trafficking",
            "https://eur-lex.europa.eu/eli/dec_framw/2004/757/oj",
            UNLAWFUL),
    US_21_USC_841(
            "us_21_usc_841",
            "21 U.S.C. § 841",
            "Controlled Substances Act: prohibited acts",
            "https://www.law.cornell.edu/uscode/text/21/841",
            UNLAWFUL),
    US_31_USC_5363(
            "us_31_usc_5363",
            "31 U.S.C. § 5363",
            "Unlawful Internet Gambling Enforcement Act",
            "https://www.law.cornell.edu/uscode/text/31/5363",
            UNLAWFUL),

    // --- Attacks on systems, malware (policy section 5) ---
    EU_DIRECTIVE_2013_40(
            "eu_directive_2013_40",
            "Directive 2013/40/EU, Arts. 3-7",
            "Attacks against information systems: illegal access, system and data interference, tools for them",
            "https://eur-lex.europa.eu/eli/dir/2013/40/oj",
            PLATFORM_ABUSE),
    US_18_USC_1030(
            "us_18_usc_1030",
            "18 U.S.C. § 1030",
            "Computer Fraud and Abuse Act",
            "https://www.law.cornell.edu/uscode/text/18/1030",
            PLATFORM_ABUSE,
            FRAUDULENT_OR_MALICIOUS),

    /** Any other provision (a Member State's defamation law, a national code): the free text must name it. */
    OTHER(
            "other",
            "Other provision of law",
            "Named in the decision's legal ground text",
            null,
            UNLAWFUL,
            FRAUDULENT_OR_MALICIOUS,
            HARMFUL_OR_ABUSIVE,
            PRIVACY_AND_IP,
            PLATFORM_ABUSE);

    private final String code;
    private final String citation;
    private final String title;
    private final String url;
    private final Set<PolicyCategory> categories;

    LegalProvision(
            String code, String citation, String title, String url, PolicyCategory first, PolicyCategory... rest) {
        this.code = code;
        this.citation = citation;
        this.title = title;
        this.url = url;
        this.categories = Set.copyOf(EnumSet.of(first, rest));
    }

    /** Stable snake-case code used in JSON. */
    @JsonValue
    public String code() {
        return code;
    }

    /** How the law is cited, e.g. "17 U.S.C. § 512(c)". */
    public String citation() {
        return citation;
    }

    /** What the provision is about, in a few words. */
    public String title() {
        return title;
    }

    /** An official or authoritative text of the provision; empty for {@link #OTHER}. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** Whether a decision under {@code category} may rely on it; category 1 (any applicable law) may rely on all. */
    public boolean appliesTo(PolicyCategory category) {
        return category == UNLAWFUL || categories.contains(category);
    }

    /** The provisions a decision under {@code category} may choose from, in this list's order. */
    public static List<LegalProvision> of(PolicyCategory category) {
        return Arrays.stream(values()).filter(p -> p.appliesTo(category)).toList();
    }

    /**
     * The legal ground as the statement of reasons writes it: the citation and title, then the decision's own text
     * (e.g. the national provision, for {@link #OTHER}).
     */
    public String ground(String text) {
        String base = this == OTHER ? "" : citation + " (" + title + ")";
        if (text == null || text.isBlank()) {
            return base;
        }
        return base.isEmpty() ? text.strip() : base + "; " + text.strip();
    }

    /**
     * The provision a decision on {@code subcategory} most likely relied on, for statements recorded before decisions
     * named one; empty where no single provision stands out.
     */
    public static Optional<LegalProvision> usualFor(PolicySubcategory subcategory) {
        if (subcategory == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (subcategory) {
                    case IP_INFRINGEMENT -> US_17_USC_512_C;
                    case PRIVACY_VIOLATION, PRIVATE_INFORMATION_DISCLOSURE -> EU_GDPR_PROCESSING;
                    case CHILD_SEXUAL_ABUSE_MATERIAL, UNDERAGE_NUDITY -> EU_DIRECTIVE_2011_93;
                    case TERRORIST_CONTENT -> EU_REGULATION_2021_784;
                    case HATE_SPEECH -> EU_FRAMEWORK_DECISION_2008_913;
                    case NON_CONSENSUAL_SEXUAL_CONTENT, SEXUAL_HARASSMENT -> EU_DIRECTIVE_2024_1385;
                    case PHISHING -> EU_DIRECTIVE_2019_713;
                    case SCAM, PROMOTING_SCAMS -> EU_DIRECTIVE_2005_29;
                    case MALWARE, SYSTEM_DISRUPTION -> EU_DIRECTIVE_2013_40;
                    case ILLEGAL_SUBSTANCES -> EU_FRAMEWORK_DECISION_2004_757;
                    case WEAPONS_DEVELOPMENT -> EU_REGULATION_2021_821;
                    case UNLICENSED_MEDICAL_PRACTICE, PSEUDO_PHARMACEUTICALS -> EU_DIRECTIVE_2001_83;
                    case FRAUDULENT_FINANCIAL_SCHEME, UNLICENSED_FINANCIAL_PRACTICE -> EU_DIRECTIVE_2014_65;
                    case GAMBLING -> US_31_USC_5363;
                    default -> null;
                });
    }

    /** The provision with this code; throws {@link UnknownTaxonomyCodeException} otherwise. */
    @JsonCreator
    public static LegalProvision fromCode(String code) {
        return find(code)
                .orElseThrow(() -> new UnknownTaxonomyCodeException(
                        "legal provision",
                        code,
                        Arrays.stream(values()).map(LegalProvision::code).toList()));
    }

    /** The provision with this code, if any. */
    public static Optional<LegalProvision> find(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
