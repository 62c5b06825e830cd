package org.modhub.moderation.review.api;

import java.time.Duration;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.Params;
import org.modhub.moderation.review.transparency.TransparencyReport;
import org.modhub.moderation.review.transparency.TransparencyReportCsv;
import org.modhub.moderation.review.transparency.TransparencyReportHtml;
import org.modhub.moderation.review.transparency.TransparencyReportService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The DSA transparency report (Art. 15, 24) of a period, for auditors (and admins): JSON by default,
 * CSV for {@code Accept: text/csv}, a self-contained page to publish for {@code Accept: text/html}.
 * All three carry the same figures.
 */
@Path("/api/v1/transparency/report")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class TransparencyReportResource {

    /** Longest period: a calendar year, leap day included (the DSA's longest reporting period). */
    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private static final MediaType CSV = MediaType.valueOf(TransparencyReportCsv.MEDIA_TYPE);
    private static final MediaType HTML_UTF8 = MediaType.valueOf("text/html;charset=UTF-8");
    private static final MediaType CSV_UTF8 = MediaType.valueOf("text/csv;charset=UTF-8");

    private final TransparencyReportService reports;

    public TransparencyReportResource(TransparencyReportService reports) {
        this.reports = reports;
    }

    /**
     * {@code from} inclusive, {@code to} exclusive (a date {@code to} covers its whole day); dates or
     * RFC 3339 UTC times. Blocking (JDBC), so it runs on a worker thread.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, TransparencyReportCsv.MEDIA_TYPE, MediaType.TEXT_HTML})
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to, @Context HttpHeaders headers) {
        Params.Range period = Params.range(from, to);
        if (Duration.between(period.from(), period.to()).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.invalidField(
                    "query.to", "must be at most " + MAX_PERIOD.toDays() + " days after query.from");
        }
        MediaType type = negotiate(headers);
        TransparencyReport report = reports.report(period);
        if (type == CSV) {
            String name = "transparency-report-" + period.from() + "-" + period.to() + ".csv";
            return Response.ok(TransparencyReportCsv.write(report), CSV_UTF8)
                    .header("Content-Disposition", "inline; filename=\"" + name.replace(':', '-') + "\"")
                    .build();
        }
        if (type == MediaType.TEXT_HTML_TYPE) {
            // The page's own policy: nothing loads, no script, only its hashed style block.
            return Response.ok(TransparencyReportHtml.write(report), HTML_UTF8)
                    .header("Content-Security-Policy", TransparencyReportHtml.CONTENT_SECURITY_POLICY)
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The first acceptable of JSON, CSV, HTML in the client's order of preference; JSON for {@code *}{@code /*} or none. */
    private static MediaType negotiate(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
            if (accepted.isCompatible(CSV)) {
                return CSV;
            }
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return MediaType.TEXT_HTML_TYPE;
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }
}
