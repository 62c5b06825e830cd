package org.modhub.moderation.review.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.dsa.DsaTerritories;
import org.modhub.moderation.contracts.taxonomy.LegalProvision;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicyClause;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.kit.validation.FieldChecks;
import org.modhub.moderation.review.config.ReviewConfig;
import org.modhub.moderation.review.domain.NewDecision;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rules of a decision request beyond its fields' shapes: which fields an action, a ground or a
 * request for changes calls for, and the defaults (ground from the subcategory, the EEA as scope).
 * Every problem is reported at once, before anything is written.
 */
@ApplicationScoped
public class DecisionChecks {

    /** A hub account id is short; anything longer is no account. */
    private static final int MAX_ACCOUNT_ID = 200;
    /** The database's limit for the whole legal ground; the citation and title take part of it. */
    private static final int MAX_GROUND_TEXT = 300;

    private static final String ONLY_WHEN_RESTRICTING = "only applies when an action restricts the subject";
    private static final String ONLY_WITH_CHANGES = "only applies with the action REQUEST_CHANGES";
    private static final String ONLY_ILLEGAL = "only applies to a decision on illegal content";
    private static final String ONLY_INCOMPATIBLE =
            "only applies to a decision on content incompatible with the policy";

    private final ReviewConfig config;

    public DecisionChecks(ReviewConfig config) {
        this.config = config;
    }

    public NewDecision decision(Requests.DecisionRequest r, Instant now) {
        if (r == null) {
            throw FieldChecks.bodyRequired();
        }
        int maxText = config.limits().maxText();
        FieldChecks check = new FieldChecks();
        List<ModerationAction> actions = actions(r.actions(), check);
        PolicyCategory category = check.category(r.category(), "category", true);
        PolicySubcategory subcategory = check.subcategory(category, r.subcategory(), "subcategory", false);
        boolean restricts = actions.stream().anyMatch(ModerationAction::restricts);
        DecisionGround ground = r.ground() != null
                ? check.oneOf(DecisionGround.class, r.ground(), "ground", true)
                : restricts ? DecisionGround.defaultFor(subcategory) : null;
        List<String> scope = r.territorialScope() != null
                ? check.countries(r.territorialScope(), "territorialScope")
                : restricts ? DsaTerritories.EEA : List.of();
        if (!restricts && r.territorialScope() != null && !r.territorialScope().isEmpty()) {
            check.add("territorialScope", ONLY_WHEN_RESTRICTING);
        }
        Instant endDate = check.instant(r.endDate(), "endDate", false);
        if (endDate != null && !endDate.isAfter(now)) {
            check.add("endDate", "must be in the future");
        }
        if (endDate != null && !actions.isEmpty() && !restricts) {
            check.add("endDate", ONLY_WHEN_RESTRICTING);
        }
        if (endDate == null && ModerationAction.anyRequiresEndDate(actions)) {
            check.add("endDate", "is required for SUSPEND_ACCOUNT (a suspension is always temporary)");
        }
        String facts = check.text(r.facts(), "facts", true, maxText);
        String explanation = check.text(r.explanation(), "explanation", true, maxText);
        boolean unfounded = Boolean.TRUE.equals(r.manifestlyUnfounded());
        if (unfounded && !actions.equals(List.of(ModerationAction.NO_ACTION))) {
            check.add("manifestlyUnfounded", "only a NO_ACTION decision can find the reports manifestly unfounded");
        }
        AutomatedDecision automated = r.automatedDecision() == null
                ? AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED
                : check.oneOf(AutomatedDecision.class, r.automatedDecision(), "automatedDecision", true);
        // Only which owner: whether it is one, and where to mail them, the hub directory says (Ownership).
        String ownerId = check.text(r.ownerId(), "ownerId", false, MAX_ACCOUNT_ID);
        String changes = null;
        Instant deadline = null;
        if (actions.contains(ModerationAction.REQUEST_CHANGES)) {
            changes = check.text(r.changesRequested(), "changesRequested", true, maxText);
            deadline = ownerDeadline(r.ownerDeadline(), now, check);
        } else {
            if (r.changesRequested() != null) {
                check.add("changesRequested", ONLY_WITH_CHANGES);
            }
            if (r.ownerDeadline() != null) {
                check.add("ownerDeadline", ONLY_WITH_CHANGES);
            }
        }
        String legalText = check.text(r.legalGround(), "legalGround", false, MAX_GROUND_TEXT);
        LegalProvision provision = null;
        PolicyClause clause = null;
        if (ground == DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT) {
            provision = provision(r.legalProvision(), category, legalText, check);
            if (r.policyClause() != null) {
                check.add("policyClause", ONLY_INCOMPATIBLE);
            }
        } else {
            if (r.legalProvision() != null) {
                check.add("legalProvision", ONLY_ILLEGAL);
            }
            if (r.legalGround() != null) {
                check.add("legalGround", ONLY_ILLEGAL);
            }
            if (r.policyClause() != null) {
                clause = clause(r.policyClause(), ground, check);
            }
        }
        check.throwIfAny();
        return new NewDecision(
                actions,
                ground,
                category,
                subcategory,
                scope,
                endDate,
                facts,
                explanation,
                unfounded,
                automated,
                ownerId,
                changes,
                deadline,
                provision,
                legalText,
                clause);
    }

    private static List<ModerationAction> actions(List<String> names, FieldChecks check) {
        if (names == null || names.isEmpty()) {
            check.add("actions", "is required: at least one action (NO_ACTION when nothing is done)");
            return List.of();
        }
        List<ModerationAction> actions = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ModerationAction action = check.oneOf(ModerationAction.class, names.get(i), "actions[" + i + "]", true);
            if (action != null) {
                actions.add(action);
            }
        }
        if (actions.size() == names.size()) {
            ModerationAction.problems(actions, null).forEach(p -> check.add("actions", p));
        }
        return actions;
    }

    private Instant ownerDeadline(String value, Instant now, FieldChecks check) {
        Instant deadline = check.instant(value, "ownerDeadline", false);
        ReviewConfig.Owner bounds = config.owner();
        if (deadline != null
                && (deadline.isBefore(now.plus(bounds.minDeadline()))
                        || deadline.isAfter(now.plus(bounds.maxDeadline())))) {
            check.add(
                    "ownerDeadline",
                    "must be between " + bounds.minDeadline() + " and " + bounds.maxDeadline() + " from now");
        }
        return deadline;
    }

    /** DSA Art. 17(3)(d): a decision on illegal content names the provision of law relied on. */
    private static LegalProvision provision(String code, PolicyCategory category, String legalText, FieldChecks check) {
        String known = category == null
                ? ""
                : "; for " + category.code() + " one of "
                        + LegalProvision.of(category).stream()
                                .map(LegalProvision::code)
                                .toList();
        if (code == null || code.isBlank()) {
            check.add("legalProvision", "is required for a decision on illegal content" + known);
            return null;
        }
        LegalProvision provision = LegalProvision.find(code).orElse(null);
        if (provision == null) {
            check.add("legalProvision", "is not a known provision" + known);
        } else if (category != null && !provision.appliesTo(category)) {
            check.add("legalProvision", "is not a provision for the category" + known);
            return null;
        } else if (provision == LegalProvision.OTHER && legalText == null && !check.failed("legalGround")) {
            check.add("legalGround", "is required with the provision 'other': name the law relied on");
        }
        return provision;
    }

    private static PolicyClause clause(String code, DecisionGround ground, FieldChecks check) {
        if (ground != DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT) {
            check.add("policyClause", ONLY_INCOMPATIBLE);
            return null;
        }
        PolicyClause clause = PolicyClause.find(code).orElse(null);
        if (clause == null) {
            check.add(
                    "policyClause",
                    "must be one of "
                            + Arrays.stream(PolicyClause.values())
                                    .map(PolicyClause::code)
                                    .toList());
        }
        return clause;
    }
}
