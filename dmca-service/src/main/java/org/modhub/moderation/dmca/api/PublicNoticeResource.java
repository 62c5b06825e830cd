package org.modhub.moderation.dmca.api;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.domain.NoticeArchive;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.kit.validation.Params;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The public archive of accepted notices, redacted; no token needed. Both lists page with the kit's cursor. */
@Path("/api/v1/public/dmca/notices")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicNoticeResource {

    private static final int MAX_PAGE = 100;
    private static final int EXPORT_PAGE = 1000;

    private final NoticeArchive archive;
    private final DmcaConfig config;
    private final Clock clock;

    public PublicNoticeResource(NoticeArchive archive, DmcaConfig config, Clock clock) {
        this.archive = archive;
        this.config = config;
        this.clock = clock;
    }

    /** Accepted notices, newest decision first; {@code nextCursor} fetches the page after. */
    @GET
    public Uni<Page<Views.PublicNotice>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PageCursor after = PageCursor.decode(cursor);
        int size = Params.limit(limit, 20, MAX_PAGE);
        return archive.after(after, size + 1)
                .map(rows -> Page.of(rows, size, NoticeArchive::cursorOf, Views.PublicNotice::of));
    }

    /**
     * The archive in a notice-archive (Lumen) friendly JSON, newest first, 1000 notices at a time;
     * {@code next_cursor} fetches the next 1000.
     */
    @GET
    @Path("/export")
    public Uni<Views.ArchiveExport> export(@QueryParam("cursor") String cursor) {
        PageCursor after = PageCursor.decode(cursor);
        String recipient = config.mail().recipientName();
        return archive.after(after, EXPORT_PAGE + 1).map(rows -> {
            Page<Views.ArchiveNotice> page =
                    Page.of(rows, EXPORT_PAGE, NoticeArchive::cursorOf, n -> Views.archive(n, recipient));
            return new Views.ArchiveExport(
                    clock.instant().truncatedTo(ChronoUnit.SECONDS), recipient, page.items(), page.nextCursor());
        });
    }
}
