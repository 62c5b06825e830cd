package org.modhub.moderation.dmca.api;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.domain.NoticeService;
import org.modhub.moderation.kit.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The public archive of accepted notices, redacted; no token needed. */
@Path("/api/v1/public/dmca/notices")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicNoticeResource {

    private static final int MAX_PAGE = 100;
    private static final int MAX_EXPORT = 1000;

    private final NoticeService notices;
    private final DmcaConfig config;
    private final Clock clock;

    public PublicNoticeResource(NoticeService notices, DmcaConfig config, Clock clock) {
        this.notices = notices;
        this.config = config;
        this.clock = clock;
    }

    /** Accepted notices, newest decision first. */
    @GET
    public Uni<Views.PublicPage> list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        int from = offset == null ? 0 : offset;
        int size = limit == null ? 20 : limit;
        if (from < 0) {
            throw ProblemException.invalidField("query.offset", "must not be negative");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw ProblemException.invalidField("query.limit", "must be from 1 to " + MAX_PAGE);
        }
        return notices.archive(from, size).map(list -> new Views.PublicPage(list.stream().map(Views.PublicNotice::of).toList(),
                from, size));
    }

    /** The archive in a notice-archive (Lumen) friendly JSON, newest first, at most 1000 notices from {@code offset}. */
    @GET
    @Path("/export")
    public Uni<Views.ArchiveExport> export(@QueryParam("offset") Integer offset) {
        int from = offset == null ? 0 : offset;
        if (from < 0) {
            throw ProblemException.invalidField("query.offset", "must not be negative");
        }
        String recipient = config.mail().recipientName();
        return notices.archive(from, MAX_EXPORT).map(list -> new Views.ArchiveExport(clock.instant().truncatedTo(ChronoUnit.SECONDS),
                recipient, list.stream().map(n -> Views.archive(n, recipient)).toList()));
    }
}
