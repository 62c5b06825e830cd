package org.modhub.moderation.review.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.dsa.DsaTerritories;
import org.modhub.moderation.contracts.taxonomy.LegalProvision;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicyClause;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;
import org.modhub.moderation.review.config.ReviewConfig;
import org.modhub.moderation.review.domain.NewDecision;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks request bodies field by field. Every failure is collected and reported at once as a 400
 * naming each field, before anything is written.
 */
@ApplicationScoped
public class RequestValidator {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"(),;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The database's limit for the whole legal ground; the citation and title take part of it. */
    private static final int MAX_GROUND_TEXT = 300;

    private final ReviewConfig config;

    public RequestValidator(ReviewConfig config) {
        this.config = config;
    }

    public NewDecision decision(Requests.DecisionRequest r, Instant now) {
        if (r == null) {
            throw bodyRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        List<ModerationAction> actions = actions(r.actions(), errors);
        PolicyCategory category = category(r.category(), "category", errors);
        PolicySubcategory subcategory = subcategory(category, r.subcategory(), errors);
        boolean restricts = actions.stream().anyMatch(ModerationAction::restricts);
        DecisionGround ground = null;
        if (r.ground() != null) {
            ground = enumValue(DecisionGround.class, r.ground(), "ground", errors);
        } else if (restricts) {
            ground = DecisionGround.defaultFor(subcategory);
        }
        List<String> scope = List.of();
        if (r.territorialScope() != null) {
            scope = territories(r.territorialScope(), errors);
        } else if (restricts) {
            scope = DsaTerritories.EEA;
        }
        if (!restricts && r.territorialScope() != null && !r.territorialScope().isEmpty()) {
            errors.add(new FieldError("territorialScope", "only applies when an action restricts the subject"));
        }
        Instant endDate = instant(r.endDate(), "endDate", errors);
        if (endDate != null && !endDate.isAfter(now)) {
            errors.add(new FieldError("endDate", "must be in the future"));
        }
        if (endDate != null && !actions.isEmpty() && !restricts) {
            errors.add(new FieldError("endDate", "only applies when an action restricts the subject"));
        }
        if (endDate == null && ModerationAction.anyRequiresEndDate(actions)) {
            errors.add(new FieldError("endDate", "is required for SUSPEND_ACCOUNT (a suspension is always temporary)"));
        }
        String facts = text(r.facts(), "facts", true, errors);
        String explanation = text(r.explanation(), "explanation", true, errors);
        boolean unfounded = Boolean.TRUE.equals(r.manifestlyUnfounded());
        if (unfounded && !actions.equals(List.of(ModerationAction.NO_ACTION))) {
            errors.add(new FieldError("manifestlyUnfounded", "only a NO_ACTION decision can find the reports manifestly unfounded"));
        }
        AutomatedDecision automated = r.automatedDecision() == null ? AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED
                : enumValue(AutomatedDecision.class, r.automatedDecision(), "automatedDecision", errors);
        String ownerId = null;
        String ownerEmail = null;
        String ownerLocale = null;
        if (r.owner() == null) {
            errors.add(new FieldError("owner", "is required: the owner is told the statement of reasons"));
        } else {
            ownerId = text(r.owner().id(), "owner.id", true, errors);
            if (r.owner().email() != null) {
                ownerEmail = r.owner().email().strip();
                if (ownerEmail.length() > 254 || !EMAIL.matcher(ownerEmail).matches()) {
                    errors.add(new FieldError("owner.email", "must be an e-mail address"));
                }
            }
            if (r.owner().locale() != null) {
                ownerLocale = r.owner().locale();
                if (!LOCALE.matcher(ownerLocale).matches()) {
                    errors.add(new FieldError("owner.locale", "must be a BCP 47 tag like 'en' or 'de-DE'"));
                }
            }
        }
        String changes = null;
        Instant deadline = null;
        if (actions.contains(ModerationAction.REQUEST_CHANGES)) {
            changes = text(r.changesRequested(), "changesRequested", true, errors);
            deadline = instant(r.ownerDeadline(), "ownerDeadline", errors);
            if (deadline != null && (deadline.isBefore(now.plus(config.owner().minDeadline()))
                    || deadline.isAfter(now.plus(config.owner().maxDeadline())))) {
                errors.add(new FieldError("ownerDeadline", "must be between " + config.owner().minDeadline() + " and "
                        + config.owner().maxDeadline() + " from now"));
            }
            if (r.owner() != null && r.owner().email() == null) {
                errors.add(new FieldError("owner.email", "is required to ask the owner for changes"));
            }
        } else {
            if (r.changesRequested() != null) {
                errors.add(new FieldError("changesRequested", "only applies with the action REQUEST_CHANGES"));
            }
            if (r.ownerDeadline() != null) {
                errors.add(new FieldError("ownerDeadline", "only applies with the action REQUEST_CHANGES"));
            }
        }
        LegalProvision provision = null;
        String legalText = text(r.legalGround(), "legalGround", false, errors);
        if (legalText != null && legalText.length() > MAX_GROUND_TEXT) {
            errors.add(new FieldError("legalGround", "must be at most " + MAX_GROUND_TEXT + " characters"));
        }
        PolicyClause clause = null;
        if (ground == DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT) {
            // DSA Art. 17(3)(d): a decision on illegal content names the provision of law relied on.
            String known = category == null ? "" : "; for " + category.code() + " one of "
                    + LegalProvision.of(category).stream().map(LegalProvision::code).toList();
            if (r.legalProvision() == null || r.legalProvision().isBlank()) {
                errors.add(new FieldError("legalProvision", "is required for a decision on illegal content" + known));
            } else {
                provision = LegalProvision.find(r.legalProvision()).orElse(null);
                if (provision == null) {
                    errors.add(new FieldError("legalProvision", "is not a known provision" + known));
                } else if (category != null && !provision.appliesTo(category)) {
                    errors.add(new FieldError("legalProvision", "is not a provision for the category" + known));
                    provision = null;
                } else if (provision == LegalProvision.OTHER && legalText == null) {
                    errors.add(new FieldError("legalGround", "is required with the provision 'other': name the law relied on"));
                }
            }
            if (r.policyClause() != null) {
                errors.add(new FieldError("policyClause", "only applies to a decision on content incompatible with the policy"));
            }
        } else {
            if (r.legalProvision() != null) {
                errors.add(new FieldError("legalProvision", "only applies to a decision on illegal content"));
            }
            if (r.legalGround() != null) {
                errors.add(new FieldError("legalGround", "only applies to a decision on illegal content"));
            }
            if (r.policyClause() != null) {
                if (ground != DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT) {
                    errors.add(new FieldError("policyClause", "only applies to a decision on content incompatible with the policy"));
                } else {
                    clause = PolicyClause.find(r.policyClause()).orElse(null);
                    if (clause == null) {
                        errors.add(new FieldError("policyClause", "must be one of "
                                + java.util.Arrays.stream(PolicyClause.values()).map(PolicyClause::code).toList()));
                    }
                }
            }
        }
        failIfAny(errors);
        return new NewDecision(actions, ground, category, subcategory, scope, endDate, facts, explanation, unfounded, automated,
                ownerId, ownerEmail, ownerLocale, changes, deadline, provision, legalText, clause);
    }

    public String reason(Requests.ReasonRequest r) {
        if (r == null) {
            throw bodyRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        String reason = text(r.reason(), "reason", true, errors);
        failIfAny(errors);
        return reason;
    }

    public String assignee(Requests.ReassignRequest r) {
        if (r == null) {
            throw bodyRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        String who = text(r.assignee(), "assignee", true, errors);
        if (who != null && who.length() > 200) {
            errors.add(new FieldError("assignee", "must be at most 200 characters"));
        }
        failIfAny(errors);
        return who;
    }

    public record ValidNote(String body, boolean shareable) {
    }

    public ValidNote note(Requests.NoteRequest r) {
        if (r == null) {
            throw bodyRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        String body = text(r.body(), "body", true, errors);
        if (r.shareable() == null) {
            errors.add(new FieldError("shareable", "is required: say whether the owner may see the note"));
        }
        failIfAny(errors);
        return new ValidNote(body, r.shareable());
    }

    public record ValidOwnerResponse(String response, String text) {
    }

    public ValidOwnerResponse ownerResponse(Requests.OwnerResponseRequest r) {
        if (r == null) {
            throw bodyRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        String response = null;
        if (r.response() == null) {
            errors.add(new FieldError("response", "is required: CHANGED or DISPUTED"));
        } else if (!r.response().equals("CHANGED") && !r.response().equals("DISPUTED")) {
            errors.add(new FieldError("response", "must be CHANGED or DISPUTED"));
        } else {
            response = r.response();
        }
        String text = text(r.text(), "text", true, errors);
        failIfAny(errors);
        return new ValidOwnerResponse(response, text);
    }

    public record ValidPolicyVersion(String version, String title, String url, String summary, Instant effectiveAt) {
    }

    public ValidPolicyVersion policyVersion(Requests.PolicyVersionRequest r) {
        if (r == null) {
            throw bodyRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        String version = r.version();
        if (version == null || !VERSION.matcher(version).matches()) {
            errors.add(new FieldError("version", "is required: 1-64 letters, digits, '.', '_' or '-'"));
        }
        String title = text(r.title(), "title", true, errors);
        String summary = text(r.summary(), "summary", true, errors);
        String url = r.url();
        if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
            errors.add(new FieldError("url", "must be an http or https URL"));
        }
        Instant effective = instantOrDate(r.effectiveAt(), "effectiveAt", errors);
        if (r.effectiveAt() == null) {
            errors.add(new FieldError("effectiveAt", "is required"));
        }
        failIfAny(errors);
        return new ValidPolicyVersion(version, title, url, summary, effective);
    }

    // --- query parameters ---

    public static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what, id);
        }
    }

    public int limit(String value) {
        if (value == null) {
            return config.limits().defaultPage();
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= config.limits().maxPage()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField("query.limit", "must be a whole number from 1 to " + config.limits().maxPage());
    }

    public static <E extends Enum<E>> E enumParam(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        E result = enumValue(type, value, field, errors);
        failIfAny(errors);
        return result;
    }

    public static PolicyCategory categoryParam(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        PolicyCategory category = category(code, "query.category", errors);
        failIfAny(errors);
        return category;
    }

    public static Boolean booleanParam(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw ProblemException.invalidField(field, "must be true or false");
    }

    public static Instant instantParam(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        Instant at = instantOrDate(value, field, errors);
        failIfAny(errors);
        return at;
    }

    // --- fields ---

    private static List<ModerationAction> actions(List<String> names, List<FieldError> errors) {
        if (names == null || names.isEmpty()) {
            errors.add(new FieldError("actions", "is required: at least one action (NO_ACTION when nothing is done)"));
            return List.of();
        }
        List<ModerationAction> actions = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ModerationAction a = enumValue(ModerationAction.class, names.get(i), "actions[" + i + "]", errors);
            if (a != null) {
                actions.add(a);
            }
        }
        if (actions.size() == names.size()) {
            List<String> problems = ModerationAction.problems(actions, null);
            problems.forEach(p -> errors.add(new FieldError("actions", p)));
        }
        return actions;
    }

    private static PolicyCategory category(String code, String field, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        try {
            return Taxonomy.category(code);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    private static PolicySubcategory subcategory(PolicyCategory category, String code, List<FieldError> errors) {
        if (code == null) {
            return null;
        }
        try {
            PolicySubcategory subcategory = Taxonomy.subcategory(code);
            if (category != null) {
                Taxonomy.requireConsistent(category, subcategory);
            }
            return subcategory;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("subcategory", e.getMessage()));
            return null;
        }
    }

    private static List<String> territories(List<String> codes, List<FieldError> errors) {
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !code.matches("[A-Z]{2}") || !COUNTRIES.contains(code)) {
                errors.add(new FieldError("territorialScope[" + i + "]", "must be an ISO 3166-1 alpha-2 country code like 'DE'"));
            } else if (!valid.contains(code)) {
                valid.add(code);
            }
        }
        return valid;
    }

    private String text(String value, String field, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (value.length() > config.limits().maxText()) {
            errors.add(new FieldError(field, "must be at most " + config.limits().maxText() + " characters"));
            return null;
        }
        return value.strip();
    }

    private static Instant instant(String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an RFC 3339 UTC time like 2026-01-31T12:00:00Z"));
            return null;
        }
    }

    private static Instant instantOrDate(String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date like 2026-01-31 or an RFC 3339 UTC time like 2026-01-31T12:00:00Z"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemKind.VALIDATION, detail, errors);
        }
    }

    private static ProblemException bodyRequired() {
        return new ProblemException(ProblemKind.VALIDATION, "A JSON body is required",
                List.of(new FieldError("body", "is required")));
    }
}
