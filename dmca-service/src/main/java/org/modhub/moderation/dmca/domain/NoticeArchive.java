package org.modhub.moderation.dmca.domain;

import java.util.List;

import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.kit.validation.PageCursor;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The public archive of accepted notices, newest decision first; what of them is shown is {@link Redaction}'s. */
@ApplicationScoped
public class NoticeArchive {

    private final NoticeRepository notices;

    public NoticeArchive(NoticeRepository notices) {
        this.notices = notices;
    }

    /** Up to {@code limit} accepted notices after {@code after} (null: the newest). */
    @WithSession
    public Uni<List<NoticeEntity>> after(PageCursor after, int limit) {
        return notices.accepted(after, limit);
    }

    /** The cursor after {@code notice} in the archive's order. */
    public static PageCursor cursorOf(NoticeEntity notice) {
        return new PageCursor(notice.reviewedAt, notice.id);
    }
}
