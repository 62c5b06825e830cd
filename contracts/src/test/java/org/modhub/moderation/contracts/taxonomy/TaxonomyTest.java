package org.modhub.moderation.contracts.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.dsa.DsaKeyword;
import org.modhub.moderation.contracts.event.EventCodec;

import com.fasterxml.jackson.databind.ObjectMapper;

class TaxonomyTest {

    /**
     * The Restricted Content bullets of the content policy (effective 10 April 2025), word for
     * word, each with the subcategory codes that stand for it. Every bullet must be covered and
     * every subcategory must stand for some bullet.
     */
    private static final Map<String, List<String>> POLICY_BULLETS = new LinkedHashMap<>();

    static {
        // 1. Unlawful or illegal Content
        bullet("All Content that violates any applicable law or regulation.", "unlawful_content");
        bullet(
                "Content promoting high-risk illegal activities (weapons development, illegal substances, scams, "
                        + "gambling, pseudo-pharmaceuticals, plagiarism, etc.).",
                "high_risk_illegal_activity",
                "weapons_development",
                "illegal_substances",
                "promoting_scams",
                "gambling",
                "pseudo_pharmaceuticals",
                "plagiarism");
        // 2. Fraudulent or Malicious Activities
        bullet(
                "Unlawful, defamatory, fraudulent, or intentionally deceptive Content (e.g., disinformation, phishing, "
                        + "scams, inauthentic behavior).",
                "deceptive_content",
                "defamation",
                "disinformation",
                "phishing",
                "scam",
                "inauthentic_behaviour");
        bullet(
                "Content that promotes or induces unlawful or fraudulent currencies, securities, investments, or "
                        + "transactions.",
                "fraudulent_financial_scheme");
        bullet(
                "Content that performs illegal or unlicensed professional practices (medical, legal, financial, etc.).",
                "unlicensed_professional_practice",
                "unlicensed_medical_practice",
                "unlicensed_legal_practice",
                "unlicensed_financial_practice");
        // 3. Harmful or Abusive Content
        bullet("Content that harms individuals or groups.", "harm_to_individuals_or_groups");
        bullet(
                "Content promoting discrimination or hate speech (see our Code of Conduct).",
                "discrimination",
                "hate_speech");
        bullet(
                "Content involving harassment, bullying, or demeaning behavior.",
                "harassment",
                "bullying",
                "demeaning_behaviour");
        bullet(
                "Sexual Content used for harassment, bullying, or created without explicit consent.",
                "sexual_harassment",
                "non_consensual_sexual_content");
        bullet(
                "Underage nudity or any sexual Content involving minors.",
                "underage_nudity",
                "child_sexual_abuse_material");
        bullet(
                "Terrorist Content or Content that glorifies violence, suffering, or humiliation.",
                "terrorist_content",
                "glorification_of_violence");
        // 4. Privacy and Intellectual Property (IP)
        bullet(
                "Content that violates the privacy of a third party, including but not limited to publishing others' "
                        + "private information, such as a physical or email address, without their explicit permission.",
                "privacy_violation",
                "private_information_disclosure");
        bullet("Content that infringes the intellectual property rights of a third party.", "ip_infringement");
        // 5. Platform Abuse, Security Violations and Spam
        bullet(
                "Content designed to disrupt, damage, or gain unauthorized access to systems or devices.",
                "system_disruption");
        bullet(
                "Content that attempts to transmit or generate malicious code (e.g., malware, trojans, viruses).",
                "malware");
        bullet("Abuse or interference with Hugging Face services, including:", "service_abuse");
        bullet("Using unauthorized bot APIs or remote management tools.", "unauthorized_bot_api");
        bullet("Hosting excessive or irrelevant data in repositories.", "excessive_or_irrelevant_data");
        bullet(
                "Using tools like Cloudflare Tunnel, TOR, proxies, VNC, Chrome Remote Server, etc., to bypass "
                        + "restrictions.",
                "restriction_bypass");
        bullet(
                "Incentivizing manipulation of Hugging Face Hub metrics (e.g., exchanging rewards for likes).",
                "metrics_manipulation");
        bullet("Cryptomining practices.", "cryptomining");
        bullet(
                "Spam (e.g., advertising products/services, excessive bulk activity, or disrupting user experience).",
                "spam");
    }

    private static void bullet(String text, String... codes) {
        POLICY_BULLETS.put(text, List.of(codes));
    }

    @Test
    void everyPolicyBulletHasItsSubcategories() {
        for (Map.Entry<String, List<String>> bullet : POLICY_BULLETS.entrySet()) {
            for (String code : bullet.getValue()) {
                assertThat(Taxonomy.findSubcategory(code))
                        .as("subcategory '%s' for policy bullet \"%s\"", code, bullet.getKey())
                        .isPresent();
            }
        }
    }

    @Test
    void everySubcategoryStandsForAPolicyBullet() {
        Set<String> traced =
                POLICY_BULLETS.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        assertThat(Taxonomy.subcategories())
                .extracting(PolicySubcategory::code)
                .allSatisfy(code ->
                        assertThat(traced).as("policy bullet for %s", code).contains(code));
    }

    @Test
    void countsMatchThePolicy() {
        assertThat(POLICY_BULLETS).hasSize(22);
        assertThat(PolicySubcategory.values()).hasSize(43);
        assertThat(PolicyCategory.UNLAWFUL.subcategories()).hasSize(8);
        assertThat(PolicyCategory.FRAUDULENT_OR_MALICIOUS.subcategories()).hasSize(11);
        assertThat(PolicyCategory.HARMFUL_OR_ABUSIVE.subcategories()).hasSize(12);
        assertThat(PolicyCategory.PRIVACY_AND_IP.subcategories()).hasSize(3);
        assertThat(PolicyCategory.PLATFORM_ABUSE.subcategories()).hasSize(9);
    }

    @Test
    void namedExamplesSitUnderTheirPolicyCategory() {
        assertCategory(
                PolicyCategory.UNLAWFUL,
                "weapons_development",
                "illegal_substances",
                "promoting_scams",
                "gambling",
                "pseudo_pharmaceuticals",
                "plagiarism");
        assertCategory(
                PolicyCategory.FRAUDULENT_OR_MALICIOUS, "disinformation", "phishing", "scam", "inauthentic_behaviour");
        assertCategory(
                PolicyCategory.HARMFUL_OR_ABUSIVE,
                "child_sexual_abuse_material",
                "underage_nudity",
                "terrorist_content",
                "non_consensual_sexual_content",
                "hate_speech");
        assertCategory(PolicyCategory.PRIVACY_AND_IP, "ip_infringement", "private_information_disclosure");
        assertCategory(
                PolicyCategory.PLATFORM_ABUSE,
                "malware",
                "unauthorized_bot_api",
                "restriction_bypass",
                "metrics_manipulation",
                "cryptomining",
                "spam");
    }

    private static void assertCategory(PolicyCategory category, String... codes) {
        for (String code : codes) {
            assertThat(Taxonomy.subcategory(code).category()).as(code).isEqualTo(category);
        }
    }

    @Test
    void categoriesCarryThePolicyTitlesInOrder() {
        assertThat(PolicyCategory.values())
                .extracting(PolicyCategory::title)
                .containsExactly(
                        "Unlawful or illegal Content",
                        "Fraudulent or Malicious Activities",
                        "Harmful or Abusive Content",
                        "Privacy and Intellectual Property (IP)",
                        "Platform Abuse, Security Violations and Spam");
        assertThat(PolicyCategory.values()).extracting(PolicyCategory::number).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void childSexualContentAndTerroristContentAreCritical() {
        assertThat(PolicySubcategory.CHILD_SEXUAL_ABUSE_MATERIAL.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(PolicySubcategory.UNDERAGE_NUDITY.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(PolicySubcategory.TERRORIST_CONTENT.severity()).isEqualTo(Severity.CRITICAL);
        // CRITICAL jumps every queue, so it stays reserved for these.
        assertThat(Arrays.stream(PolicySubcategory.values()).filter(s -> s.severity() == Severity.CRITICAL))
                .containsExactlyInAnyOrder(
                        PolicySubcategory.CHILD_SEXUAL_ABUSE_MATERIAL,
                        PolicySubcategory.UNDERAGE_NUDITY,
                        PolicySubcategory.TERRORIST_CONTENT);
    }

    @Test
    void criticalKindsAllegeIllegalContentWithTheMatchingDsaKeyword() {
        assertThat(PolicySubcategory.CHILD_SEXUAL_ABUSE_MATERIAL.dsaKeywords())
                .contains(DsaKeyword.KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL);
        assertThat(PolicySubcategory.TERRORIST_CONTENT.dsaKeywords()).contains(DsaKeyword.KEYWORD_TERRORIST_CONTENT);
        assertThat(Arrays.stream(PolicySubcategory.values()).filter(s -> s.severity() == Severity.CRITICAL))
                .allMatch(PolicySubcategory::allegesIllegalContent);
    }

    @Test
    void codesAreUniqueSnakeCaseAndLabelsArePresent() {
        assertThat(PolicySubcategory.values())
                .extracting(PolicySubcategory::code)
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"));
        assertThat(PolicyCategory.values())
                .extracting(PolicyCategory::code)
                .allMatch(code -> code.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"));
        assertThat(PolicySubcategory.values()).allSatisfy(s -> {
            assertThat(s.label()).as(s.code()).isNotBlank();
            assertThat(s.dsaCategory()).as(s.code()).isNotNull();
            assertThat(s.dsaKeywords()).as(s.code()).doesNotHaveDuplicates();
        });
    }

    @Test
    void keywordsSpecifyTheSubcategorysStatementCategory() {
        for (PolicySubcategory subcategory : PolicySubcategory.values()) {
            for (DsaKeyword keyword : subcategory.dsaKeywords()) {
                assertThat(keyword.fits(subcategory.dsaCategory()))
                        .as(
                                "%s: %s belongs to %s, not %s",
                                subcategory.code(), keyword, keyword.category(), subcategory.dsaCategory())
                        .isTrue();
            }
        }
    }

    @Test
    void lookupsByCodeRoundTrip() {
        for (PolicySubcategory subcategory : PolicySubcategory.values()) {
            assertThat(Taxonomy.subcategory(subcategory.code())).isSameAs(subcategory);
        }
        for (PolicyCategory category : PolicyCategory.values()) {
            assertThat(Taxonomy.category(category.code())).isSameAs(category);
            assertThat(Taxonomy.subcategoriesOf(category)).allMatch(s -> s.category() == category);
        }
    }

    @Test
    void unknownCodesFailWithTheKnownOnesListed() {
        assertThatThrownBy(() -> Taxonomy.subcategory("csam"))
                .isInstanceOf(UnknownTaxonomyCodeException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown policy subcategory code 'csam'")
                .hasMessageContaining("child_sexual_abuse_material");
        assertThatThrownBy(() -> Taxonomy.category("HARMFUL_OR_ABUSIVE"))
                .isInstanceOf(UnknownTaxonomyCodeException.class)
                .hasMessageContaining("unknown policy category code 'HARMFUL_OR_ABUSIVE'")
                .hasMessageContaining("harmful_or_abusive");
        assertThatThrownBy(() -> Taxonomy.subcategory(null)).isInstanceOf(UnknownTaxonomyCodeException.class);
        assertThat(Taxonomy.findSubcategory("nope")).isEmpty();
    }

    @Test
    void unknownCodeMessagesAreLogSafe() {
        assertThatThrownBy(() -> Taxonomy.subcategory("spam\n\u202Eevil" + "x".repeat(200)))
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("\u202E")
                .hasMessageNotContaining("x".repeat(100));
    }

    @Test
    void subcategoryMustBelongToItsCategory() {
        Taxonomy.requireConsistent(PolicyCategory.PLATFORM_ABUSE, PolicySubcategory.SPAM);
        Taxonomy.requireConsistent(PolicyCategory.PLATFORM_ABUSE, null);
        assertThatThrownBy(() -> Taxonomy.requireConsistent(PolicyCategory.UNLAWFUL, PolicySubcategory.SPAM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'spam' belongs to category 'platform_abuse', not 'unlawful'");
    }

    @Test
    void severityRanksOrderUrgency() {
        assertThat(Severity.values()).extracting(Severity::rank).containsExactly(4, 3, 2, 1);
        assertThat(List.of(Severity.LOW, Severity.CRITICAL, Severity.MEDIUM, Severity.HIGH).stream()
                        .sorted(Severity.MOST_URGENT_FIRST))
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        assertThat(Severity.HIGH.isAtLeast(Severity.MEDIUM)).isTrue();
        assertThat(Severity.MEDIUM.isAtLeast(Severity.HIGH)).isFalse();
    }

    @Test
    void aCategoryOnlyReportIsTriagedAsTheWorstItCouldBe() {
        assertThat(Taxonomy.severityOf(PolicyCategory.HARMFUL_OR_ABUSIVE, null)).isEqualTo(Severity.CRITICAL);
        assertThat(Taxonomy.severityOf(PolicyCategory.PLATFORM_ABUSE, null)).isEqualTo(Severity.HIGH);
        assertThat(Taxonomy.severityOf(PolicyCategory.PLATFORM_ABUSE, PolicySubcategory.SPAM))
                .isEqualTo(Severity.LOW);
    }

    @Test
    void illegalAllegationsDefaultToTheIllegalContentGround() {
        assertThat(DecisionGround.defaultFor(PolicySubcategory.TERRORIST_CONTENT))
                .isEqualTo(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT);
        assertThat(DecisionGround.defaultFor(PolicySubcategory.SPAM))
                .isEqualTo(DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT);
        assertThat(DecisionGround.defaultFor(null)).isEqualTo(DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT);
    }

    @Test
    void jsonCarriesCodes() throws Exception {
        ObjectMapper mapper = EventCodec.newObjectMapper();
        assertThat(mapper.writeValueAsString(PolicySubcategory.CHILD_SEXUAL_ABUSE_MATERIAL))
                .isEqualTo("\"child_sexual_abuse_material\"");
        assertThat(mapper.writeValueAsString(PolicyCategory.PRIVACY_AND_IP)).isEqualTo("\"privacy_and_ip\"");
        assertThat(mapper.readValue("\"cryptomining\"", PolicySubcategory.class))
                .isEqualTo(PolicySubcategory.CRYPTOMINING);
        assertThatThrownBy(() -> mapper.readValue("\"CRYPTOMINING\"", PolicySubcategory.class))
                .hasMessageContaining("unknown policy subcategory code");
    }
}
