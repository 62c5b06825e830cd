package org.modhub.moderation.review.domain;

import java.time.Instant;
import java.util.List;

import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.taxonomy.LegalProvision;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicyClause;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;

/**
 * A validated decision as a moderator submits it.
 *
 * @param ownerId the owner staff chose among the subject's owners on the hub (a hub account id); null: the
 *     primary owner. Everything else about the owner comes from the hub directory ({@link Ownership}).
 * @param changesRequested what the owner must change, when the actions include REQUEST_CHANGES
 * @param ownerDeadline by when, for REQUEST_CHANGES (null: the configured default)
 * @param legalProvision the provision of law relied on, for illegal content
 * @param legalGroundText free text precising it (required with OTHER)
 * @param policyClause the policy's clause relied on, for incompatible content (null: the category's section)
 */
public record NewDecision(
        List<ModerationAction> actions,
        DecisionGround ground,
        PolicyCategory category,
        PolicySubcategory subcategory,
        List<String> territorialScope,
        Instant endDate,
        String facts,
        String explanation,
        boolean manifestlyUnfounded,
        AutomatedDecision automatedDecision,
        String ownerId,
        String changesRequested,
        Instant ownerDeadline,
        LegalProvision legalProvision,
        String legalGroundText,
        PolicyClause policyClause) {}
