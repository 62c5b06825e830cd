package org.modhub.moderation.review.api;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.validation.Params;
import org.modhub.moderation.review.transparency.StatementExport;
import org.modhub.moderation.review.transparency.StatementSubmitter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Statements of reasons in the EU DSA Transparency Database's format (API v2 field names and
 * values), for auditors; and how their submission to the database stands.
 */
@Path("/api/v1/statements-of-reasons")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class StatementsResource {

    public static final String NDJSON = "application/x-ndjson";

    private final StatementExport export;
    private final StatementSubmitter submitter;

    public StatementsResource(StatementExport export, StatementSubmitter submitter) {
        this.export = export;
        this.submitter = submitter;
    }

    /**
     * Every decision that took effect in [from, to) and restricts something, oldest first, one
     * statement per line; streamed, so a year of decisions costs no more memory than a day.
     */
    @GET
    @Produces(NDJSON)
    public StreamingOutput export(@QueryParam("from") String from, @QueryParam("to") String to) {
        Params.Range period = Params.range(from, to);
        return out -> export.write(period, out);
    }

    /** How many statements wait, went through, or were refused, and the oldest still waiting. */
    @GET
    @Path("submissions")
    @Produces(MediaType.APPLICATION_JSON)
    public StatementSubmitter.Status submissions() {
        return submitter.status();
    }
}
