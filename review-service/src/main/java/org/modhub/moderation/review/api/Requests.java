package org.modhub.moderation.review.api;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.modhub.moderation.kit.validation.FieldChecks;

/**
 * Request bodies of the review API (unknown fields are refused), each checking its own fields
 * ({@code valid}); a decision's rules are {@link DecisionChecks}'.
 */
public final class Requests {

    private Requests() {}

    /** The body, or the 400 for a request that came without one. */
    static <T> T required(T body) {
        if (body == null) {
            throw FieldChecks.bodyRequired();
        }
        return body;
    }

    /**
     * A decision on a case.
     *
     * @param actions ModerationAction names; several may combine (e.g. UNRANK and TAG_NOT_FOR_ALL_AUDIENCES)
     * @param ground DecisionGround name; defaults from the subcategory when an action restricts
     * @param territorialScope ISO 3166-1 alpha-2 codes; defaults to the EEA when an action restricts
     * @param endDate RFC 3339 time the restriction ends; required for SUSPEND_ACCOUNT
     * @param ownerId which of the subject's owners on the hub the decision concerns (a hub account id, one of the
     *        {@code owners} of {@code GET /cases/{id}/subject}); default: the primary owner, the one notices go to.
     *        Their e-mail, language and country come from the hub, never from the request
     * @param changesRequested what the owner must change (REQUEST_CHANGES)
     * @param ownerDeadline RFC 3339 deadline for the owner (REQUEST_CHANGES; default from configuration)
     * @param legalProvision LegalProvision code, required when the ground is illegal content; one of the category's
     * @param legalGround free text precising the provision (a national law, an article); required with {@code other}
     * @param policyClause PolicyClause code for incompatible content ({@code restricted_content_1}…{@code _5});
     *        default: the category's section
     */
    public record DecisionRequest(
            List<String> actions,
            String ground,
            String category,
            String subcategory,
            List<String> territorialScope,
            String endDate,
            String facts,
            String explanation,
            Boolean manifestlyUnfounded,
            String automatedDecision,
            String ownerId,
            String changesRequested,
            String ownerDeadline,
            String legalProvision,
            String legalGround,
            String policyClause) {}

    public record ReasonRequest(String reason) {

        /** The reason, stripped. */
        String valid(int maxText) {
            FieldChecks check = new FieldChecks();
            String valid = check.text(reason, "reason", true, maxText);
            check.throwIfAny();
            return valid;
        }
    }

    public record ReassignRequest(String assignee) {

        /** Who takes the case, stripped. */
        String valid() {
            FieldChecks check = new FieldChecks();
            String valid = check.text(assignee, "assignee", true, 200);
            check.throwIfAny();
            return valid;
        }
    }

    public record NoteRequest(String body, Boolean shareable) {

        NoteRequest valid(int maxText) {
            FieldChecks check = new FieldChecks();
            String text = check.text(body, "body", true, maxText);
            if (shareable == null) {
                check.add("shareable", "is required: say whether the owner may see the note");
            }
            check.throwIfAny();
            return new NoteRequest(text, shareable);
        }
    }

    /** The owner's answer: CHANGED (with what they did) or DISPUTED (with why). */
    public record OwnerResponseRequest(String response, String text) {

        OwnerResponseRequest valid(int maxText) {
            FieldChecks check = new FieldChecks();
            if (response == null) {
                check.add("response", "is required: CHANGED or DISPUTED");
            } else if (!response.equals("CHANGED") && !response.equals("DISPUTED")) {
                check.add("response", "must be CHANGED or DISPUTED");
            }
            String valid = check.text(text, "text", true, maxText);
            check.throwIfAny();
            return new OwnerResponseRequest(response, valid);
        }
    }

    /** A new policy version; effectiveAt at least ten days after posting. */
    public record PolicyVersionRequest(String version, String title, String url, String summary, String effectiveAt) {

        private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

        ValidPolicyVersion valid(int maxText) {
            FieldChecks check = new FieldChecks();
            if (version == null || !VERSION.matcher(version).matches()) {
                check.add("version", "is required: 1-64 letters, digits, '.', '_' or '-'");
            }
            String validTitle = check.text(title, "title", true, maxText);
            String validSummary = check.text(summary, "summary", true, maxText);
            String validUrl = check.httpUrl(url, "url", false, 2048);
            Instant effective = check.instant(effectiveAt, "effectiveAt", true);
            check.throwIfAny();
            return new ValidPolicyVersion(version, validTitle, validUrl, validSummary, effective);
        }
    }

    record ValidPolicyVersion(String version, String title, String url, String summary, Instant effectiveAt) {}
}
