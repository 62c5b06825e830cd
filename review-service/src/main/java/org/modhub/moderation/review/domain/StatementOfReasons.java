package org.modhub.moderation.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.dsa.DsaContentType;
import org.modhub.moderation.contracts.dsa.DsaDecisionAccount;
import org.modhub.moderation.contracts.dsa.DsaDecisionVisibility;
import org.modhub.moderation.contracts.dsa.DsaKeyword;
import org.modhub.moderation.contracts.dsa.DsaStatementCategory;
import org.modhub.moderation.contracts.taxonomy.LegalProvision;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;

/**
 * A statement of reasons: every element DSA Art. 17(3) requires, and the DSA Transparency
 * Database (API v2) fields that follow from it. No personal data: not the reporter, not the
 * owner's address; only the hub's public subject key.
 *
 * @param decisionId the decision
 * @param subject the subject key (the statement's {@code puid})
 * @param actions what was decided (Art. 17(3)(a))
 * @param decisionVisibility the statement's {@code decision_visibility}
 * @param decisionVisibilityOther the text for {@code DECISION_VISIBILITY_OTHER}
 * @param decisionAccount the statement's {@code decision_account}
 * @param territorialScope where it applies (Art. 17(3)(a))
 * @param applicationDate when it took effect
 * @param endDateVisibilityRestriction when a content restriction ends, if it does (Art. 17(3)(a) duration)
 * @param endDateAccountRestriction when an account restriction ends, if it does
 * @param decisionGround law or terms (Art. 17(3)(d), (e))
 * @param illegalContentLegalGround the legal ground relied on, for illegal content
 * @param illegalContentExplanation why the content is illegal under it
 * @param incompatibleContentGround the terms relied on, for incompatible content
 * @param incompatibleContentExplanation why the content is incompatible with them
 * @param policyVersion the version of the content policy in force
 * @param policyCategory the policy category relied on
 * @param policySubcategory the subcategory, if any
 * @param category the statement's {@code category}
 * @param categorySpecification the statement's keywords
 * @param contentType the statement's {@code content_type}
 * @param contentTypeOther the text for {@code CONTENT_TYPE_OTHER}
 * @param facts the facts and circumstances relied on (Art. 17(3)(b))
 * @param sourceType what led to it: notice, trusted flagger, own initiative (Art. 17(3)(b))
 * @param automatedDetection whether automated means detected it (Art. 17(3)(c))
 * @param automatedDecision how far the decision was automated (Art. 17(3)(c))
 * @param redress how to contest it (Art. 17(3)(f))
 * @param legalProvision the code of the {@code LegalProvision} relied on, for illegal content (null in statements
 *     stored before decisions named one)
 * @param policyClause the code of the {@code PolicyClause} relied on, for incompatible content
 * @param groundReferenceUrl the text of the law, or the policy version in force (the database's
 *     {@code decision_ground_reference_url})
 */
public record StatementOfReasons(
        UUID decisionId,
        String subject,
        List<ModerationAction> actions,
        List<DsaDecisionVisibility> decisionVisibility,
        String decisionVisibilityOther,
        DsaDecisionAccount decisionAccount,
        List<String> territorialScope,
        Instant applicationDate,
        Instant endDateVisibilityRestriction,
        Instant endDateAccountRestriction,
        DecisionGround decisionGround,
        String illegalContentLegalGround,
        String illegalContentExplanation,
        String incompatibleContentGround,
        String incompatibleContentExplanation,
        String policyVersion,
        String policyCategory,
        String policySubcategory,
        DsaStatementCategory category,
        List<DsaKeyword> categorySpecification,
        List<DsaContentType> contentType,
        String contentTypeOther,
        String facts,
        SourceType sourceType,
        boolean automatedDetection,
        AutomatedDecision automatedDecision,
        String redress,
        String legalProvision,
        String policyClause,
        String groundReferenceUrl) {

    /**
     * The legal ground of an illegal-content decision recorded before decisions named a provision: the provision
     * usual for its subcategory (a DMCA takedown's is 17 U.S.C. 512(c)), or, where none stands out, the law on the
     * subcategory, saying that no single provision was recorded.
     */
    public static LegalProvision legacyProvision(PolicySubcategory subcategory) {
        return LegalProvision.usualFor(subcategory).orElse(LegalProvision.OTHER);
    }

    /** The ground text for {@link #legacyProvision}. */
    public static String legacyGround(PolicySubcategory subcategory, PolicyCategory category, String text) {
        LegalProvision provision = legacyProvision(subcategory);
        if (provision != LegalProvision.OTHER || (text != null && !text.isBlank())) {
            return provision.ground(text);
        }
        return "Law applicable to " + (subcategory != null ? subcategory.label() : category.title())
                + " in the territories concerned (decided before the hub recorded the provision relied on)";
    }
}
