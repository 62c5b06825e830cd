package org.modhub.moderation.contracts.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.dsa.StatementValidator;

/** The maintained list of provisions of law (DSA Art. 17(3)(d)) and the policy's clauses (Art. 17(3)(e)). */
class LegalProvisionTest {

    @Test
    void everyCategoryHasItsOwnProvisionsBesidesOther() {
        for (PolicyCategory category : PolicyCategory.values()) {
            assertThat(LegalProvision.of(category))
                    .as(category.code())
                    .contains(LegalProvision.OTHER)
                    .hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(LegalProvision.of(PolicyCategory.PRIVACY_AND_IP))
                .contains(
                        LegalProvision.US_17_USC_512_C,
                        LegalProvision.US_17_USC_512_I,
                        LegalProvision.EU_GDPR_PROCESSING)
                .doesNotContain(LegalProvision.EU_REGULATION_2021_784);
        assertThat(LegalProvision.of(PolicyCategory.HARMFUL_OR_ABUSIVE))
                .contains(
                        LegalProvision.US_18_USC_2252A_2256,
                        LegalProvision.US_18_USC_2258A,
                        LegalProvision.EU_DIRECTIVE_2011_93,
                        LegalProvision.EU_REGULATION_2021_784);
        // Category 1 is "all Content that violates any applicable law": every provision may be relied on.
        assertThat(LegalProvision.of(PolicyCategory.UNLAWFUL)).containsExactly(LegalProvision.values());
    }

    @Test
    void codesAreUniqueAndEveryProvisionButOtherLinksAnOfficialTextThatFitsTheDatabase() {
        assertThat(Arrays.stream(LegalProvision.values()).map(LegalProvision::code))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z0-9_]+"));
        for (LegalProvision p : LegalProvision.values()) {
            if (p == LegalProvision.OTHER) {
                assertThat(p.url()).isEmpty();
                continue;
            }
            assertThat(p.url())
                    .as(p.code())
                    .hasValueSatisfying(url -> assertThat(url)
                            .matches("https://(eur-lex\\.europa\\.eu/eli/|www\\.law\\.cornell\\.edu/uscode/text/).+"));
            assertThat(p.ground("a national provision, Art. 12").length())
                    .isLessThan(StatementValidator.MAX_SHORT_TEXT);
            assertThat(LegalProvision.fromCode(p.code())).isEqualTo(p);
        }
        assertThatThrownBy(() -> LegalProvision.fromCode("made_up")).isInstanceOf(UnknownTaxonomyCodeException.class);
    }

    @Test
    void theGroundNamesTheCitationAndTheDecisionsOwnText() {
        assertThat(LegalProvision.US_17_USC_512_C.ground(null)).startsWith("17 U.S.C. § 512(c) (");
        assertThat(LegalProvision.EU_GDPR_PROCESSING.ground("Art. 6(1)"))
                .isEqualTo("Regulation (EU) 2016/679 (GDPR), Arts. 5, 6 and 9 "
                        + "(Processing personal data, or special categories of it, without a lawful basis); Art. 6(1)");
        assertThat(LegalProvision.OTHER.ground("§ 185 StGB (Germany)")).isEqualTo("§ 185 StGB (Germany)");
    }

    @Test
    void theUsualProvisionOfASubcategoryBelongsToItsCategory() {
        for (PolicySubcategory s : PolicySubcategory.values()) {
            LegalProvision.usualFor(s)
                    .ifPresent(p ->
                            assertThat(p.appliesTo(s.category())).as(s.code()).isTrue());
        }
        assertThat(LegalProvision.usualFor(PolicySubcategory.IP_INFRINGEMENT)).contains(LegalProvision.US_17_USC_512_C);
    }

    @Test
    void eachCategoryHasItsClauseOfRestrictedContent() {
        for (PolicyCategory category : PolicyCategory.values()) {
            PolicyClause clause = PolicyClause.of(category);
            assertThat(clause.code()).isEqualTo("restricted_content_" + category.number());
            assertThat(clause.citation())
                    .isEqualTo("Restricted Content, section " + category.number() + " (" + category.title() + ")");
            assertThat(PolicyClause.find(clause.code())).contains(clause);
        }
        assertThat(PolicyClause.find("restricted_content_6")).isEmpty();
    }
}
