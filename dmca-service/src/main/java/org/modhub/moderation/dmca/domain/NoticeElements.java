package org.modhub.moderation.dmca.domain;

import java.util.List;

/**
 * A notice's structured elements as kept (one {@code jsonb} column): the copyrighted works (ii),
 * the infringing material with the subject each URL resolved to (iii), and what {@link NoticeCheck}
 * found missing or deficient.
 */
public record NoticeElements(
        List<NoticeInput.Work> works,
        List<NoticeCheck.ResolvedMaterial> material,
        List<NoticeCheck.Deficiency> deficiencies) {

    public NoticeElements {
        works = works == null ? List.of() : works;
        material = material == null ? List.of() : material;
        deficiencies = deficiencies == null ? List.of() : deficiencies;
    }
}
