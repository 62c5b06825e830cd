package org.modhub.moderation.review.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.dsa.DsaKeyword;
import org.modhub.moderation.contracts.dsa.StatementValidator;
import org.modhub.moderation.contracts.dsa.TransparencyStatement;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.review.domain.StatementOfReasons;

/**
 * A decision's statement of reasons as the DSA Transparency Database takes it. Decisions that
 * restrict nothing (no action, a request for changes) have no statement there. Free text is
 * redacted and cut to the database's lengths; the {@code puid} is the decision's, never the
 * subject's, so nothing in it names a person.
 */
final class StatementMapper {

    private StatementMapper() {}

    /**
     * @param sor the statement the decision stored when it took effect
     * @param contentDate when the content was posted, as the hub directory said at the decision; for
     *        decisions taken before review asked it, the earliest time the hub knew the content (its
     *        case opened). The database takes no date after the decision's, so a later one becomes that
     * @param redactor the personal data to take out
     * @param puid the statement's platform unique identifier
     */
    static Optional<TransparencyStatement> map(
            StatementOfReasons sor, Instant contentDate, Redactor redactor, String puid) {
        boolean visibility = !sor.decisionVisibility().isEmpty();
        if (!visibility && sor.decisionAccount() == null) {
            return Optional.empty();
        }
        boolean illegal = sor.decisionGround() == DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT;
        List<DsaKeyword> keywords = sor.categorySpecification();
        PolicySubcategory subcategory =
                sor.policySubcategory() == null ? null : PolicySubcategory.fromCode(sor.policySubcategory());
        String legalGround = sor.illegalContentLegalGround();
        String reference = sor.groundReferenceUrl();
        if (illegal && sor.legalProvision() == null) {
            // Stored before decisions named a provision ("Law relied on: <category>", which names no law).
            PolicyCategory category = PolicyCategory.fromCode(sor.policyCategory());
            legalGround = StatementOfReasons.legacyGround(subcategory, category, null);
            reference = StatementOfReasons.legacyProvision(subcategory).url().orElse(null);
        }
        LocalDate applied = date(sor.applicationDate());
        LocalDate posted = date(contentDate);
        return Optional.of(TransparencyStatement.builder()
                .decisionVisibility(visibility ? sor.decisionVisibility() : null)
                .decisionVisibilityOther(
                        fit(redactor.clean(sor.decisionVisibilityOther()), StatementValidator.MAX_SHORT_TEXT))
                .decisionAccount(sor.decisionAccount())
                .decisionGround(sor.decisionGround())
                .illegalContentLegalGround(
                        illegal ? fit(redactor.clean(legalGround), StatementValidator.MAX_SHORT_TEXT) : null)
                .illegalContentExplanation(
                        illegal
                                ? fit(
                                        redactor.clean(sor.illegalContentExplanation()),
                                        StatementValidator.MAX_EXPLANATION)
                                : null)
                .incompatibleContentGround(
                        illegal
                                ? null
                                : fit(
                                        redactor.clean(sor.incompatibleContentGround()),
                                        StatementValidator.MAX_SHORT_TEXT))
                .incompatibleContentExplanation(
                        illegal
                                ? null
                                : fit(
                                        redactor.clean(sor.incompatibleContentExplanation()),
                                        StatementValidator.MAX_EXPLANATION))
                .decisionGroundReferenceUrl(
                        reference == null || reference.length() > StatementValidator.MAX_SHORT_TEXT ? null : reference)
                .contentType(sor.contentType())
                .contentTypeOther(fit(sor.contentTypeOther(), StatementValidator.MAX_SHORT_TEXT))
                .category(sor.category())
                .categorySpecification(keywords.isEmpty() ? null : keywords)
                .categorySpecificationOther(
                        keywords.contains(DsaKeyword.KEYWORD_OTHER) && subcategory != null
                                ? fit(subcategory.label(), StatementValidator.MAX_SHORT_TEXT)
                                : null)
                .territorialScope(sor.territorialScope())
                .contentDate(posted == null || posted.isAfter(applied) ? applied : posted)
                .applicationDate(applied)
                .endDateVisibilityRestriction(visibility ? date(sor.endDateVisibilityRestriction()) : null)
                .endDateAccountRestriction(sor.decisionAccount() != null ? date(sor.endDateAccountRestriction()) : null)
                .decisionFacts(fit(redactor.clean(sor.facts()), StatementValidator.MAX_FACTS))
                .sourceType(sor.sourceType())
                .automatedDetection(sor.automatedDetection())
                .automatedDecision(sor.automatedDecision())
                .puid(puid)
                .build());
    }

    private static LocalDate date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Cut to the database's limit, marking the cut; the full text stays in the hub's own statement. */
    static String fit(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
