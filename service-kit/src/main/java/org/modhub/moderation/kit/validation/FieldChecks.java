package org.modhub.moderation.kit.validation;

import java.net.URI;
import java.net.URISyntaxException;
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

import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;

/**
 * Checks the fields of one request and collects every problem, so the caller learns about all of
 * them in one 400 instead of one per round trip. Each check returns the clean value, or null when
 * the field is absent or invalid (the problem is then recorded under the field's name, as the
 * client wrote it: {@code evidenceUrls[2]}, {@code subject.id}, {@code query.limit}).
 *
 * <pre>
 * FieldChecks check = new FieldChecks();
 * String text = check.text(body.explanation(), "explanation", true, 5000);
 * List&lt;String&gt; links = check.httpUrls(body.evidenceUrls(), "evidenceUrls", 10, 2048);
 * check.throwIfAny();
 * </pre>
 */
public final class FieldChecks {

    private static final Pattern EMAIL =
            Pattern.compile("[^\\s@<>\"(),;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String COUNTRY_RULE = "must be an ISO 3166-1 alpha-2 country code like 'DE'";

    private final List<FieldError> errors = new ArrayList<>();

    /** Records a problem a service-specific rule found. */
    public FieldChecks add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Whether a problem is already recorded for {@code field} (to skip checks that build on it). */
    public boolean failed(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws the 400 with every recorded problem, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = String.join(
                    "; ",
                    errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemKind.VALIDATION, detail, errors);
        }
    }

    /** The 400 for a request that needs a JSON body and came without one. */
    public static ProblemException bodyRequired() {
        return new ProblemException(
                ProblemKind.VALIDATION, "A JSON body is required", List.of(new FieldError("body", "is required")));
    }

    /** Free text, stripped; blank counts as absent. */
    public String text(String value, String field, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            return missing(field, required);
        }
        if (value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return value.strip();
    }

    /** A plain e-mail address (one address, no display name). */
    public String email(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            return missing(field, required);
        }
        String email = value.strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            add(field, "must be an e-mail address like name@example.org");
            return null;
        }
        return email;
    }

    /** An absolute http or https URL with a host; never fetched, only stored. */
    public String httpUrl(String value, String field, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            return missing(field, required);
        }
        String problem = httpUrlProblem(value, maxLength);
        if (problem != null) {
            add(field, problem);
            return null;
        }
        return value;
    }

    /** A bounded list of http(s) URLs; each bad one is named by its index. Absent is empty. */
    public List<String> httpUrls(List<String> values, String field, int maxCount, int maxLength) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxCount) {
            add(field, "must hold at most " + maxCount + " links");
            return List.of();
        }
        List<String> valid = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String problem = httpUrlProblem(values.get(i), maxLength);
            if (problem != null) {
                add(field + "[" + i + "]", problem);
            } else {
                valid.add(values.get(i));
            }
        }
        return List.copyOf(valid);
    }

    /** An ISO 3166-1 alpha-2 country code, upper case. */
    public String country(String code, String field, boolean required) {
        if (code == null || code.isBlank()) {
            return missing(field, required);
        }
        if (!code.matches("[A-Z]{2}") || !COUNTRIES.contains(code)) {
            add(field, COUNTRY_RULE);
            return null;
        }
        return code;
    }

    /** Distinct country codes in the order given; absent is empty. */
    public List<String> countries(List<String> codes, String field) {
        if (codes == null) {
            return List.of();
        }
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = country(codes.get(i), field + "[" + i + "]", true);
            if (code != null && !valid.contains(code)) {
                valid.add(code);
            }
        }
        return List.copyOf(valid);
    }

    /** A category code of the policy's taxonomy. */
    public PolicyCategory category(String code, String field, boolean required) {
        if (code == null || code.isBlank()) {
            return missing(field, required);
        }
        try {
            return Taxonomy.category(code);
        } catch (IllegalArgumentException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    /** A subcategory code, which must belong to {@code category} when that is known. */
    public PolicySubcategory subcategory(PolicyCategory category, String code, String field, boolean required) {
        if (code == null || code.isBlank()) {
            return missing(field, required);
        }
        try {
            PolicySubcategory subcategory = Taxonomy.subcategory(code);
            if (category != null) {
                Taxonomy.requireConsistent(category, subcategory);
            }
            return subcategory;
        } catch (IllegalArgumentException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    /** A canonical subject key such as {@code model:acme/x} or {@code account:alice}. */
    public SubjectRef subjectKey(String key, String field, boolean required) {
        if (key == null || key.isBlank()) {
            return missing(field, required);
        }
        try {
            return SubjectRef.parse(key);
        } catch (IllegalArgumentException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    /** One of an enum's constant names, exactly as written. */
    public <E extends Enum<E>> E oneOf(Class<E> type, String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            return missing(field, required);
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** An id in its canonical UUID form. */
    public UUID uuid(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            return missing(field, required);
        }
        try {
            UUID id = UUID.fromString(value.strip());
            if (id.toString().equalsIgnoreCase(value.strip())) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // recorded below
        }
        add(field, "must be a UUID like 0b6c2a9e-1d3f-4e5a-9b7c-2d8e4f6a1b3c");
        return null;
    }

    /** A calendar date, ISO 8601. */
    public LocalDate date(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            return missing(field, required);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            add(field, "must be a date like 2026-01-31");
            return null;
        }
    }

    /** Whether {@code list} is present and holds at most {@code max} items; a longer one is recorded on {@code field}. */
    public boolean bounded(List<?> list, String field, int max) {
        if (list == null) {
            return false;
        }
        if (list.size() > max) {
            add(field, "must list at most " + max + " items");
            return false;
        }
        return true;
    }

    /** An RFC 3339 UTC time, or a date (meaning its start, UTC). */
    public Instant instant(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            return missing(field, required);
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            add(field, "must be a date like 2026-01-31 or an RFC 3339 UTC time like 2026-01-31T12:00:00Z");
            return null;
        }
    }

    private <T> T missing(String field, boolean required) {
        if (required) {
            add(field, "is required");
        }
        return null;
    }

    private static String httpUrlProblem(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return "must be an http or https URL";
        }
        if (value.length() > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                return "must be an absolute http or https URL";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
    }
}
