package org.modhub.moderation.contracts.dsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;

/**
 * Every DSA value the contracts use is one the Transparency Database API accepts, spelled
 * exactly. The official lists below are copied from the EU's repository
 * github.com/digital-services-act/transparency-database:
 * {@code app/Models/Statement.php} (the DECISION_VISIBILITIES, DECISION_ACCOUNTS, DECISION_GROUNDS,
 * SOURCE_TYPES, CONTENT_TYPES and AUTOMATED_DECISIONS constants) and
 * {@code resources/markdown/api-documentation-two.md} (the "category" and "category_specification"
 * lists of API v2, in force since 1 July 2025). Keep them verbatim; do not derive them from the
 * enums under test.
 */
class DsaEnumerationsTest {

    static final Set<String> OFFICIAL_STATEMENT_CATEGORIES = Set.of(
            "STATEMENT_CATEGORY_ANIMAL_WELFARE",
            "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
            "STATEMENT_CATEGORY_CYBER_VIOLENCE",
            "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
            "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
            "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
            "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
            "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
            "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
            "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
            "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
            "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
            "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
            "STATEMENT_CATEGORY_SELF_HARM",
            "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
            "STATEMENT_CATEGORY_VIOLENCE");

    static final Set<String> OFFICIAL_KEYWORDS = Set.of(
            "KEYWORD_ANIMAL_HARM",
            "KEYWORD_ADULT_SEXUAL_MATERIAL",
            "KEYWORD_AGE_SPECIFIC_RESTRICTIONS",
            "KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS",
            "KEYWORD_BIOMETRIC_DATA_BREACH",
            "KEYWORD_BULLYING_AGAINST_GIRLS",
            "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL",
            "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE",
            "KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS",
            "KEYWORD_COORDINATED_HARM",
            "KEYWORD_COPYRIGHT_INFRINGEMENT",
            "KEYWORD_CYBER_BULLYING_INTIMIDATION",
            "KEYWORD_CYBER_HARASSMENT",
            "KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN",
            "KEYWORD_CYBER_INCITEMENT",
            "KEYWORD_CYBER_STALKING",
            "KEYWORD_CYBER_STALKING_AGAINST_WOMEN",
            "KEYWORD_DATA_FALSIFICATION",
            "KEYWORD_DEFAMATION",
            "KEYWORD_DESIGN_INFRINGEMENT",
            "KEYWORD_DISCRIMINATION",
            "KEYWORD_MISINFORMATION_DISINFORMATION",
            "KEYWORD_FEMALE_GENDERED_DISINFORMATION",
            "KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT",
            "KEYWORD_GEOGRAPHICAL_REQUIREMENTS",
            "KEYWORD_GOODS_SERVICES_NOT_PERMITTED",
            "KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS",
            "KEYWORD_HATE_SPEECH",
            "KEYWORD_HIDDEN_ADVERTISEMENT",
            "KEYWORD_HUMAN_EXPLOITATION",
            "KEYWORD_HUMAN_TRAFFICKING",
            "KEYWORD_ILLEGAL_ORGANIZATIONS",
            "KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING",
            "KEYWORD_INAUTHENTIC_ACCOUNTS",
            "KEYWORD_INAUTHENTIC_LISTINGS",
            "KEYWORD_INAUTHENTIC_USER_REVIEWS",
            "KEYWORD_INCITEMENT_AGAINST_WOMEN",
            "KEYWORD_INCITEMENT_VIOLENCE_HATRED",
            "KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS",
            "KEYWORD_LANGUAGE_REQUIREMENTS",
            "KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS",
            "KEYWORD_MISLEADING_INFO_GOODS_SERVICES",
            "KEYWORD_MISSING_PROCESSING_GROUND",
            "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING",
            "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN",
            "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE",
            "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN",
            "KEYWORD_NONCOMPLIANCE_PRICING",
            "KEYWORD_NUDITY",
            "KEYWORD_PATENT_INFRINGEMENT",
            "KEYWORD_PHISHING",
            "KEYWORD_PROHIBITED_PRODUCTS",
            "KEYWORD_PYRAMID_SCHEMES",
            "KEYWORD_RIGHT_TO_BE_FORGOTTEN",
            "KEYWORD_OTHER",
            "KEYWORD_RISK_ENVIRONMENTAL_DAMAGE",
            "KEYWORD_RISK_PUBLIC_HEALTH",
            "KEYWORD_SELF_MUTILATION",
            "KEYWORD_STALKING",
            "KEYWORD_SUICIDE",
            "KEYWORD_TERRORIST_CONTENT",
            "KEYWORD_TRADE_SECRET_INFRINGEMENT",
            "KEYWORD_TRADEMARK_INFRINGEMENT",
            "KEYWORD_TRAFFICKING_WOMEN_GIRLS",
            "KEYWORD_UNLAWFUL_SALE_ANIMALS",
            "KEYWORD_UNSAFE_CHALLENGES",
            "KEYWORD_UNSAFE_PRODUCTS",
            "KEYWORD_VIOLATION_EU_LAW",
            "KEYWORD_VIOLATION_NATIONAL_LAW");

    static final Set<String> OFFICIAL_DECISION_VISIBILITIES = Set.of(
            "DECISION_VISIBILITY_CONTENT_REMOVED",
            "DECISION_VISIBILITY_CONTENT_DISABLED",
            "DECISION_VISIBILITY_CONTENT_DEMOTED",
            "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
            "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
            "DECISION_VISIBILITY_CONTENT_LABELLED",
            "DECISION_VISIBILITY_OTHER");

    static final Set<String> OFFICIAL_DECISION_ACCOUNTS =
            Set.of("DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED");

    static final Set<String> OFFICIAL_DECISION_GROUNDS =
            Set.of("DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT");

    static final Set<String> OFFICIAL_SOURCE_TYPES =
            Set.of("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY");

    static final Set<String> OFFICIAL_CONTENT_TYPES = Set.of(
            "CONTENT_TYPE_APP",
            "CONTENT_TYPE_AUDIO",
            "CONTENT_TYPE_IMAGE",
            "CONTENT_TYPE_PRODUCT",
            "CONTENT_TYPE_SYNTHETIC_MEDIA",
            "CONTENT_TYPE_TEXT",
            "CONTENT_TYPE_VIDEO",
            "CONTENT_TYPE_OTHER");

    static final Set<String> OFFICIAL_AUTOMATED_DECISIONS =
            Set.of("AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED");

    @Test
    void enumsSpellTheOfficialValuesExactly() {
        assertThat(names(DsaStatementCategory.values())).isEqualTo(OFFICIAL_STATEMENT_CATEGORIES);
        assertThat(names(DsaKeyword.values())).isEqualTo(OFFICIAL_KEYWORDS);
        assertThat(names(DsaDecisionVisibility.values())).isEqualTo(OFFICIAL_DECISION_VISIBILITIES);
        assertThat(names(DsaDecisionAccount.values())).isEqualTo(OFFICIAL_DECISION_ACCOUNTS);
        assertThat(names(DsaContentType.values())).isEqualTo(OFFICIAL_CONTENT_TYPES);
        assertThat(names(DecisionGround.values())).isEqualTo(OFFICIAL_DECISION_GROUNDS);
        assertThat(names(SourceType.values())).isEqualTo(OFFICIAL_SOURCE_TYPES);
        assertThat(names(AutomatedDecision.values())).isEqualTo(OFFICIAL_AUTOMATED_DECISIONS);
    }

    @Test
    void everySubcategoryUsesOfficialValues() {
        for (PolicySubcategory subcategory : PolicySubcategory.values()) {
            assertThat(OFFICIAL_STATEMENT_CATEGORIES)
                    .as(subcategory.code())
                    .contains(subcategory.dsaCategory().name());
            assertThat(subcategory.dsaKeywords())
                    .extracting(Enum::name)
                    .as(subcategory.code())
                    .allMatch(OFFICIAL_KEYWORDS::contains);
        }
    }

    @Test
    void everyActionUsesOfficialValues() {
        for (ModerationAction action : ModerationAction.values()) {
            assertThat(action.dsaVisibility())
                    .extracting(Enum::name)
                    .as(action.name())
                    .allMatch(OFFICIAL_DECISION_VISIBILITIES::contains);
            action.dsaAccount()
                    .ifPresent(account -> assertThat(OFFICIAL_DECISION_ACCOUNTS)
                            .as(action.name())
                            .contains(account.name()));
            // The API requires decision_visibility_other exactly when OTHER is chosen.
            assertThat(action.dsaVisibilityOther().isPresent())
                    .as(action.name())
                    .isEqualTo(action.dsaVisibility().contains(DsaDecisionVisibility.DECISION_VISIBILITY_OTHER));
        }
    }

    @Test
    void everySubjectKindUsesAnOfficialContentType() {
        for (SubjectKind kind : SubjectKind.values()) {
            assertThat(OFFICIAL_CONTENT_TYPES)
                    .as(kind.name())
                    .contains(kind.dsaContentType().name());
            // The API requires content_type_other exactly when OTHER is chosen.
            assertThat(kind.dsaContentTypeOther().isPresent())
                    .as(kind.name())
                    .isEqualTo(kind.dsaContentType() == DsaContentType.CONTENT_TYPE_OTHER);
        }
    }

    @Test
    void territoriesAreTheEuAndEeaMemberStates() {
        assertThat(DsaTerritories.EU).hasSize(27).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z]{2}"));
        assertThat(DsaTerritories.EEA)
                .hasSize(30)
                .containsAll(DsaTerritories.EU)
                .contains("IS", "LI", "NO");
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }
}
