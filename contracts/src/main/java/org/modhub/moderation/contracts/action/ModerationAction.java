package org.modhub.moderation.contracts.action;

import static org.modhub.moderation.contracts.subject.SubjectKind.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.dsa.DsaDecisionAccount;
import org.modhub.moderation.contracts.dsa.DsaDecisionVisibility;
import org.modhub.moderation.contracts.subject.SubjectKind;

/**
 * The actions the policy names ("How we moderate Content"), each with what the DSA statement of
 * reasons says about it. Content actions restrict the subject itself; the two account actions
 * restrict the account that owns or wrote it, so they may be decided on any subject.
 */
public enum ModerationAction {
    /** Ask the owner to change the content by a deadline; not a restriction yet. */
    REQUEST_CHANGES(
            "Changes requested of the owner",
            false,
            false,
            List.of(),
            null,
            null,
            EnumSet.complementOf(EnumSet.of(ACCOUNT))),
    /** Keep the repository out of trending and search ranking. */
    UNRANK(
            "Removed from trending and search ranking",
            false,
            false,
            List.of(DsaDecisionVisibility.DECISION_VISIBILITY_CONTENT_DEMOTED),
            null,
            null,
            EnumSet.of(MODEL, DATASET, SPACE)),
    /** Add the Not-For-All-Audiences tag: labelled, and hidden from those who did not opt in. */
    TAG_NOT_FOR_ALL_AUDIENCES(
            "Tagged Not-For-All-Audiences",
            false,
            false,
            List.of(
                    DsaDecisionVisibility.DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED,
                    DsaDecisionVisibility.DECISION_VISIBILITY_CONTENT_LABELLED),
            null,
            null,
            EnumSet.of(MODEL, DATASET, SPACE)),
    /** Gate the files behind accepted conditions or the owner's approval. */
    GATE(
            "Files gated behind conditions",
            false,
            false,
            List.of(DsaDecisionVisibility.DECISION_VISIBILITY_OTHER),
            "Access to the repository's files gated behind accepted conditions",
            null,
            EnumSet.of(MODEL, DATASET)),
    /** Block access for everyone but the owner. */
    DISABLE(
            "Access disabled",
            true,
            false,
            List.of(DsaDecisionVisibility.DECISION_VISIBILITY_CONTENT_DISABLED),
            null,
            null,
            EnumSet.complementOf(EnumSet.of(ACCOUNT))),
    /** Delete the content. */
    REMOVE(
            "Removed",
            true,
            false,
            List.of(DsaDecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED),
            null,
            null,
            EnumSet.complementOf(EnumSet.of(ACCOUNT))),
    /** Lock discussions, pull requests or comments on the subject. */
    RESTRICT_INTERACTIONS(
            "Interactions restricted",
            false,
            false,
            List.of(DsaDecisionVisibility.DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED),
            null,
            null,
            EnumSet.of(MODEL, DATASET, SPACE, DISCUSSION, PULL_REQUEST, POST)),
    /** Suspend the responsible account until an end date. */
    SUSPEND_ACCOUNT(
            "Account suspended",
            true,
            true,
            List.of(),
            null,
            DsaDecisionAccount.DECISION_ACCOUNT_SUSPENDED,
            EnumSet.allOf(SubjectKind.class)),
    /** Terminate the responsible account. */
    TERMINATE_ACCOUNT(
            "Account terminated",
            true,
            false,
            List.of(),
            null,
            DsaDecisionAccount.DECISION_ACCOUNT_TERMINATED,
            EnumSet.allOf(SubjectKind.class)),
    /** The subject does not breach the policy; only valid alone. */
    NO_ACTION("No action", false, false, List.of(), null, null, EnumSet.allOf(SubjectKind.class));

    private final String label;
    private final boolean severe;
    private final boolean requiresEndDate;
    private final List<DsaDecisionVisibility> dsaVisibility;
    private final String dsaVisibilityOther;
    private final DsaDecisionAccount dsaAccount;
    private final Set<SubjectKind> appliesTo;

    ModerationAction(
            String label,
            boolean severe,
            boolean requiresEndDate,
            List<DsaDecisionVisibility> dsaVisibility,
            String dsaVisibilityOther,
            DsaDecisionAccount dsaAccount,
            Set<SubjectKind> appliesTo) {
        this.label = label;
        this.severe = severe;
        this.requiresEndDate = requiresEndDate;
        this.dsaVisibility = dsaVisibility;
        this.dsaVisibilityOther = dsaVisibilityOther;
        this.dsaAccount = dsaAccount;
        this.appliesTo = Set.copyOf(appliesTo);
    }

    /** A short human-readable name for this action (reports, consoles); JSON keeps the constant's name. */
    public String label() {
        return label;
    }

    /**
     * Whether a second, senior moderator must approve it on at least some subjects (four eyes);
     * {@link #isSevereOn(SubjectKind)} says on which.
     */
    public boolean isSevere() {
        return severe;
    }

    /** Whether the decision must carry an end date (a suspension is always temporary). */
    public boolean requiresEndDate() {
        return requiresEndDate;
    }

    /** The statement's {@code decision_visibility} values for this action; empty for none. */
    public List<DsaDecisionVisibility> dsaVisibility() {
        return dsaVisibility;
    }

    /** The {@code decision_visibility_other} text, present exactly when the visibility includes OTHER. */
    public Optional<String> dsaVisibilityOther() {
        return Optional.ofNullable(dsaVisibilityOther);
    }

    /** The statement's {@code decision_account} value, where the action restricts an account. */
    public Optional<DsaDecisionAccount> dsaAccount() {
        return Optional.ofNullable(dsaAccount);
    }

    /**
     * Whether the action restricts anything, and so needs a statement of reasons (DSA Art. 17)
     * and a line in the enforcement ledger.
     */
    public boolean restricts() {
        return !dsaVisibility.isEmpty() || dsaAccount != null;
    }

    /** Whether this action targets the responsible account rather than the subject itself. */
    public boolean targetsAccount() {
        return this == SUSPEND_ACCOUNT || this == TERMINATE_ACCOUNT;
    }

    /** The subject kinds this action may be decided on. */
    public Set<SubjectKind> appliesTo() {
        return appliesTo;
    }

    /** Whether this action may be decided on a subject of {@code kind}. */
    public boolean appliesTo(SubjectKind kind) {
        return appliesTo.contains(kind);
    }

    /**
     * Whether it needs a second, senior moderator on a subject of {@code kind}: the account actions
     * always; disabling or removing only when it takes down a whole repository (model, dataset,
     * space), as the policy's four-eyes rule says, not a single comment or file. A null kind
     * (unknown) counts as a repository.
     */
    public boolean isSevereOn(SubjectKind kind) {
        return severe && (targetsAccount() || kind == null || kind.isRepository());
    }

    /** Whether any of the actions needs a second approver on some subject. */
    public static boolean anySevere(Collection<ModerationAction> actions) {
        return actions.stream().anyMatch(ModerationAction::isSevere);
    }

    /** Whether any of the actions needs a second approver on a subject of {@code kind}. */
    public static boolean anySevere(Collection<ModerationAction> actions, SubjectKind kind) {
        return actions.stream().anyMatch(action -> action.isSevereOn(kind));
    }

    /** Whether any of the actions needs an end date. */
    public static boolean anyRequiresEndDate(Collection<ModerationAction> actions) {
        return actions.stream().anyMatch(ModerationAction::requiresEndDate);
    }

    /** The problems with deciding {@code actions} together on a {@code kind}; empty when valid. */
    public static List<String> problems(Collection<ModerationAction> actions, SubjectKind kind) {
        List<String> problems = new ArrayList<>();
        if (actions == null || actions.isEmpty()) {
            problems.add("at least one action is required (NO_ACTION when nothing is done)");
            return problems;
        }
        for (ModerationAction action : actions) {
            if (action == null) {
                problems.add("actions must not contain null");
                return problems;
            }
        }
        Set<ModerationAction> set = EnumSet.copyOf(actions);
        if (set.size() != actions.size()) {
            problems.add("actions must not repeat");
        }
        if (set.contains(NO_ACTION) && set.size() > 1) {
            problems.add("NO_ACTION cannot be combined with other actions");
        }
        if (kind != null) {
            for (ModerationAction action : set) {
                if (!action.appliesTo(kind)) {
                    problems.add(action + " does not apply to a " + kind.keyPrefix() + " (applies to "
                            + action.appliesTo.stream()
                                    .map(SubjectKind::keyPrefix)
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + ")");
                }
            }
        }
        if (set.contains(SUSPEND_ACCOUNT) && set.contains(TERMINATE_ACCOUNT)) {
            problems.add("SUSPEND_ACCOUNT and TERMINATE_ACCOUNT exclude each other");
        }
        if (set.contains(REMOVE)) {
            // Nothing is left to disable, rank, tag, gate, lock or change once it is removed.
            Set<ModerationAction> contentActions = EnumSet.of(
                    REQUEST_CHANGES, UNRANK, TAG_NOT_FOR_ALL_AUDIENCES, GATE, DISABLE, RESTRICT_INTERACTIONS);
            contentActions.retainAll(set);
            if (!contentActions.isEmpty()) {
                problems.add("REMOVE cannot be combined with " + contentActions);
            }
        }
        if (set.contains(TERMINATE_ACCOUNT) && set.contains(REQUEST_CHANGES)) {
            problems.add("REQUEST_CHANGES makes no sense with TERMINATE_ACCOUNT");
        }
        return problems;
    }

    /** Whether {@code actions} may be decided together on a {@code kind}. */
    public static boolean isValidCombination(Collection<ModerationAction> actions, SubjectKind kind) {
        return problems(actions, kind).isEmpty();
    }

    /** Throws {@link InvalidActionCombinationException} listing every problem, if there is any. */
    public static void requireValidCombination(Collection<ModerationAction> actions, SubjectKind kind) {
        List<String> problems = problems(actions, kind);
        if (!problems.isEmpty()) {
            throw new InvalidActionCombinationException("invalid actions " + actions
                    + (kind == null ? "" : " on a " + kind.keyPrefix()) + ": " + String.join("; ", problems));
        }
    }
}
