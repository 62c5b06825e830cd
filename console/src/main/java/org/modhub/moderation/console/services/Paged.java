package org.modhub.moderation.console.services;

import java.util.List;

/** One page of a service's list, as every service pages ({@code items}, {@code nextCursor}). */
public record Paged<T>(List<T> items, String nextCursor) {

    public Paged {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
