package org.modhub.moderation.kit.validation;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.kit.problem.ProblemException;

/**
 * Path and query parameters, each checked on its own and refused at once: a 404 for an id that
 * cannot exist, a 400 naming {@code query.<name>} for a bad filter. Absent optional filters are
 * null.
 */
public final class Params {

    private Params() {}

    /** A path id; one that is not a UUID is a 404 like any id that does not exist. */
    public static UUID id(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(what, value);
        }
    }

    /** A page size from 1 to {@code max}; {@code defaultSize} when absent. */
    public static int limit(String value, int defaultSize, int max) {
        if (value == null || value.isBlank()) {
            return defaultSize;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField("query.limit", "must be a whole number from 1 to " + max);
    }

    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String name) {
        return single(check -> check.oneOf(type, value, "query." + name, false));
    }

    /** An id used as a filter (absent: null); one that is not a UUID is a 400 naming {@code query.<name>}. */
    public static UUID uuid(String value, String name) {
        return single(check -> check.uuid(value, "query." + name, false));
    }

    public static Instant instant(String value, String name) {
        return single(check -> check.instant(value, "query." + name, false));
    }

    /**
     * A reporting period from {@code from} and {@code to}, both required: a date (a whole UTC day)
     * or an RFC 3339 time. {@code from} is inclusive; {@code to} is exclusive for a time and covers
     * its whole day for a date, so {@code from=2026-01-01&to=2026-01-31} is all of January.
     */
    public static Range range(String from, String to) {
        FieldChecks checks = new FieldChecks();
        Instant start = checks.instant(from, "query.from", true);
        Instant end = checks.instant(to, "query.to", true);
        checks.throwIfAny();
        if (to.length() == 10) {
            end = end.plus(java.time.Duration.ofDays(1));
        }
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("query.to", "must be after query.from");
        }
        return new Range(start, end);
    }

    /** A half-open period [from, to). */
    public record Range(Instant from, Instant to) {}

    public static PolicyCategory category(String value, String name) {
        return single(check -> check.category(value, "query." + name, false));
    }

    /** A subject key in its canonical form. */
    public static String subjectKey(String value, String name) {
        SubjectRef subject = single(check -> check.subjectKey(value, "query." + name, false));
        return subject == null ? null : subject.key();
    }

    public static Boolean bool(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw ProblemException.invalidField("query." + name, "must be true or false");
    }

    private static <T> T single(java.util.function.Function<FieldChecks, T> check) {
        FieldChecks checks = new FieldChecks();
        T value = check.apply(checks);
        checks.throwIfAny();
        return value;
    }
}
