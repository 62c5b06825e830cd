package org.modhub.moderation.review.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.dsa.DsaDecisionAccount;
import org.modhub.moderation.contracts.dsa.DsaDecisionVisibility;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.LegalProvision;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicyClause;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.review.persistence.DecisionEntity;

/** Builds the statement of reasons of a decision from what it stores and the contracts' DSA mappings. */
final class Statements {

    private Statements() {}

    static StatementOfReasons of(
            DecisionEntity d,
            List<ModerationAction> actions,
            List<String> territorialScope,
            SourceType sourceType,
            boolean automatedDetection,
            String appealUrl,
            String policyUrl) {
        Set<DsaDecisionVisibility> visibility = new LinkedHashSet<>();
        String visibilityOther = null;
        DsaDecisionAccount account = null;
        for (ModerationAction action : actions) {
            visibility.addAll(action.dsaVisibility());
            if (action.dsaVisibilityOther().isPresent()) {
                visibilityOther = action.dsaVisibilityOther().get();
            }
            if (action.dsaAccount().isPresent()) {
                account = action.dsaAccount().get();
            }
        }
        boolean contentRestricted = !visibility.isEmpty();
        PolicySubcategory specific = d.subcategory != null ? d.subcategory : worst(d.category);
        boolean illegal = d.ground == DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT;
        boolean incompatible = d.ground == DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT;
        LegalProvision provision = illegal ? provisionOf(d) : null;
        PolicyClause clause =
                incompatible ? (d.policyClause != null ? d.policyClause : PolicyClause.of(d.category)) : null;
        String reference = illegal ? provision.url().orElse(null) : incompatible ? policyUrl : null;
        SubjectKind kind = SubjectRef.parse(d.subjectKey).kind();
        return new StatementOfReasons(
                d.id,
                d.subjectKey,
                actions,
                List.copyOf(visibility),
                visibilityOther,
                account,
                territorialScope,
                d.decidedAt,
                contentRestricted ? d.endDate : null,
                account != null ? d.endDate : null,
                d.ground,
                illegal
                        ? (d.legalProvision != null
                                ? provision.ground(d.legalGroundText)
                                : StatementOfReasons.legacyGround(d.subcategory, d.category, d.legalGroundText))
                        : null,
                illegal ? d.explanation : null,
                incompatible ? clauseGround(d.policyVersion, clause, d.subcategory) : null,
                incompatible ? d.explanation : null,
                d.policyVersion,
                d.category.code(),
                d.subcategory == null ? null : d.subcategory.code(),
                specific.dsaCategory(),
                d.subcategory == null ? List.of() : d.subcategory.dsaKeywords(),
                List.of(kind.dsaContentType()),
                kind.dsaContentTypeOther().orElse(null),
                d.facts,
                sourceType,
                automatedDetection,
                d.automatedDecision,
                "You may appeal this decision within six months through the hub's internal complaint system ("
                        + appealUrl
                        + ", DSA Art. 20), use a certified out-of-court dispute settlement body (DSA Art. 21), or seek judicial redress.",
                provision == null ? null : provision.code(),
                clause == null ? null : clause.code(),
                reference);
    }

    /** The contractual ground as the statement names it: the policy version, its clause and the subcategory relied on. */
    static String clauseGround(String policyVersion, PolicyClause clause, PolicySubcategory subcategory) {
        return "Content Policy version " + policyVersion + ", " + clause.citation()
                + (subcategory != null && subcategory.category() == clause.category()
                        ? ": " + subcategory.label()
                        : "");
    }

    /**
     * The provision an illegal-content decision relied on. Decisions recorded before decisions named one get the
     * provision usual for their subcategory (a DMCA takedown: 17 U.S.C. 512(c)), or OTHER with a text saying so.
     */
    static LegalProvision provisionOf(DecisionEntity d) {
        return d.legalProvision != null ? d.legalProvision : StatementOfReasons.legacyProvision(d.subcategory);
    }

    /** The strongest source among the reports: a trusted flagger's notice outweighs an Art. 16 notice, and so on. */
    static SourceType strongest(List<SourceType> sources, SourceType none) {
        return sources.stream().min(Comparator.comparingInt(Statements::rank)).orElse(none);
    }

    private static int rank(SourceType s) {
        return switch (s) {
            case SOURCE_TRUSTED_FLAGGER -> 0;
            case SOURCE_ARTICLE_16 -> 1;
            case SOURCE_TYPE_OTHER_NOTIFICATION -> 2;
            case SOURCE_VOLUNTARY -> 3;
        };
    }

    private static PolicySubcategory worst(PolicyCategory category) {
        List<PolicySubcategory> all = new ArrayList<>(category.subcategories());
        all.sort(Comparator.comparingInt((PolicySubcategory s) -> s.severity().rank())
                .reversed());
        return all.get(0);
    }
}
