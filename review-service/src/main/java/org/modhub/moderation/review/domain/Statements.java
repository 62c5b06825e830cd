package org.modhub.moderation.review.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.dsa.DsaContentType;
import org.modhub.moderation.contracts.dsa.DsaDecisionAccount;
import org.modhub.moderation.contracts.dsa.DsaDecisionVisibility;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.review.persistence.DecisionEntity;

/** Builds the statement of reasons of a decision from what it stores and the contracts' DSA mappings. */
final class Statements {

    private Statements() {
    }

    static StatementOfReasons of(DecisionEntity d, List<ModerationAction> actions, List<String> territorialScope,
            SourceType sourceType, boolean automatedDetection, String appealUrl) {
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
        String ground = d.category.title() + (d.subcategory != null ? " — " + d.subcategory.label() : "");
        boolean illegal = d.ground == DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT;
        boolean incompatible = d.ground == DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT;
        SubjectKind kind = SubjectRef.parse(d.subjectKey).kind();
        return new StatementOfReasons(d.id, d.subjectKey, actions, List.copyOf(visibility), visibilityOther, account,
                territorialScope, d.decidedAt,
                contentRestricted ? d.endDate : null,
                account != null ? d.endDate : null,
                d.ground,
                illegal ? "Law relied on: " + ground : null,
                illegal ? d.explanation : null,
                incompatible ? "Content Policy version " + d.policyVersion + ", section " + d.category.number() + " ("
                        + ground + ")" : null,
                incompatible ? d.explanation : null,
                d.policyVersion, d.category.code(), d.subcategory == null ? null : d.subcategory.code(),
                specific.dsaCategory(), d.subcategory == null ? List.of() : d.subcategory.dsaKeywords(),
                List.of(kind.dsaContentType()), kind.dsaContentTypeOther().orElse(null), d.facts, sourceType, automatedDetection, d.automatedDecision,
                "You may appeal this decision within six months through the hub's internal complaint system (" + appealUrl
                        + ", DSA Art. 20), use a certified out-of-court dispute settlement body (DSA Art. 21), or seek judicial redress.");
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
        all.sort(Comparator.comparingInt((PolicySubcategory s) -> s.severity().rank()).reversed());
        return all.get(0);
    }
}
