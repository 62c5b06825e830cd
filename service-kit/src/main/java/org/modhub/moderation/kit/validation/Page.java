package org.modhub.moderation.kit.validation;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items and, unless it is the last, the cursor of the next page, which the
 * client passes back as {@code cursor}. Every paged endpoint answers in this shape.
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page of {@code fetched}, which holds up to {@code limit + 1} rows (one more than the page
     * shows, to know whether another page follows), mapped to what the client sees.
     */
    public static <R, T> Page<T> of(List<R> fetched, int limit, Function<R, PageCursor> cursorOf, Function<R, T> view) {
        boolean more = fetched.size() > limit;
        List<R> rows = more ? fetched.subList(0, limit) : fetched;
        String next = more ? cursorOf.apply(rows.get(rows.size() - 1)).encode() : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }

    /** The same page with each item shown as {@code view} shows it. */
    public <R> Page<R> map(Function<T, R> view) {
        return new Page<>(items.stream().map(view).toList(), nextCursor);
    }
}
