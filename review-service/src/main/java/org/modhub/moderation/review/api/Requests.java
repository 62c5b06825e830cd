package org.modhub.moderation.review.api;

import java.util.List;

/** Request bodies of the review API (unknown fields are refused). */
public final class Requests {

    private Requests() {
    }

    /** The owner or author the decision concerns: their hub user id, and where to mail them. */
    public record OwnerInput(String id, String email, String locale) {
    }

    /**
     * A decision on a case.
     *
     * @param actions ModerationAction names; several may combine (e.g. UNRANK and TAG_NOT_FOR_ALL_AUDIENCES)
     * @param ground DecisionGround name; defaults from the subcategory when an action restricts
     * @param territorialScope ISO 3166-1 alpha-2 codes; defaults to the EEA when an action restricts
     * @param endDate RFC 3339 time the restriction ends; required for SUSPEND_ACCOUNT
     * @param changesRequested what the owner must change (REQUEST_CHANGES)
     * @param ownerDeadline RFC 3339 deadline for the owner (REQUEST_CHANGES; default from configuration)
     * @param legalProvision LegalProvision code, required when the ground is illegal content; one of the category's
     * @param legalGround free text precising the provision (a national law, an article); required with {@code other}
     * @param policyClause PolicyClause code for incompatible content ({@code restricted_content_1}…{@code _5});
     *        default: the category's section
     */
    public record DecisionRequest(List<String> actions, String ground, String category, String subcategory,
            List<String> territorialScope, String endDate, String facts, String explanation, Boolean manifestlyUnfounded,
            String automatedDecision, OwnerInput owner, String changesRequested, String ownerDeadline,
            String legalProvision, String legalGround, String policyClause) {
    }

    public record ReasonRequest(String reason) {
    }

    public record ReassignRequest(String assignee) {
    }

    public record NoteRequest(String body, Boolean shareable) {
    }

    /** The owner's answer: CHANGED (with what they did) or DISPUTED (with why). */
    public record OwnerResponseRequest(String response, String text) {
    }

    /** A new policy version; effectiveAt at least ten days after posting. */
    public record PolicyVersionRequest(String version, String title, String url, String summary, String effectiveAt) {
    }
}
