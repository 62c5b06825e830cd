package org.modhub.moderation.dmca.domain;

import java.util.List;

/** A counter-notice's 512(g)(3)(B) element as kept: each item with the subject of the takedown it names. */
public record RemovedMaterial(List<Item> items) {

    public RemovedMaterial {
        items = items == null ? List.of() : items;
    }

    /** One item: its hub URL, the subject it resolved to, and the uploader's description (empty when none). */
    public record Item(String url, String subject, String description) {}
}
