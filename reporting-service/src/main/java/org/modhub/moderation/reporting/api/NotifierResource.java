package org.modhub.moderation.reporting.api;

import java.time.Clock;
import java.time.Instant;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.reporting.domain.NotifierKey;
import org.modhub.moderation.reporting.domain.NotifierService;
import org.modhub.moderation.reporting.persistence.NotifierStandingEntity;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Notifiers' standing, for staff: read it, warn, suspend and lift (DSA Art. 23), mute and unmute
 * (hold their reports back from review for a period, see {@code NotifierService}); admins mark
 * trusted flaggers (Art. 22). A notifier is named {@code user:<account id>} or {@code email:<address>}.
 */
@Path("/api/v1/notifiers/{notifier}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN})
public class NotifierResource {

    private final NotifierService notifiers;
    private final SecurityIdentity identity;
    private final Clock clock;

    public NotifierResource(NotifierService notifiers, SecurityIdentity identity, Clock clock) {
        this.notifiers = notifiers;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    public Uni<StandingResponse> standing(@PathParam("notifier") String notifier) {
        return notifiers.standing(key(notifier)).map(this::view);
    }

    @POST
    @Path("/warn")
    public Uni<StandingResponse> warn(@PathParam("notifier") String notifier, StaffActionRequest request) {
        return act(notifier, request, (key, reason, until, staff) -> notifiers.warn(key, reason, staff));
    }

    @POST
    @Path("/suspend")
    public Uni<StandingResponse> suspend(@PathParam("notifier") String notifier, StaffActionRequest request) {
        return act(notifier, request, notifiers::suspend);
    }

    @POST
    @Path("/lift")
    public Uni<StandingResponse> lift(@PathParam("notifier") String notifier, StaffActionRequest request) {
        return act(notifier, request, (key, reason, until, staff) -> notifiers.lift(key, reason, staff));
    }

    @POST
    @Path("/mute")
    public Uni<StandingResponse> mute(@PathParam("notifier") String notifier, StaffActionRequest request) {
        return act(notifier, request, notifiers::mute);
    }

    @POST
    @Path("/unmute")
    public Uni<StandingResponse> unmute(@PathParam("notifier") String notifier, StaffActionRequest request) {
        return act(notifier, request, (key, reason, until, staff) -> notifiers.unmute(key, reason, staff));
    }

    @PUT
    @Path("/trusted-flagger")
    @RolesAllowed(Roles.ADMIN)
    public Uni<StandingResponse> markTrusted(@PathParam("notifier") String notifier) {
        return notifiers
                .setTrustedFlagger(key(notifier), true, Caller.of(identity).id())
                .map(this::view);
    }

    @DELETE
    @Path("/trusted-flagger")
    @RolesAllowed(Roles.ADMIN)
    public Uni<StandingResponse> unmarkTrusted(@PathParam("notifier") String notifier) {
        return notifiers
                .setTrustedFlagger(key(notifier), false, Caller.of(identity).id())
                .map(this::view);
    }

    /** A staff action on a notifier: who, why (required), until when (where it applies), by whom. */
    @FunctionalInterface
    private interface StaffAction {
        Uni<NotifierStandingEntity> apply(NotifierKey key, String reason, Instant until, String staffId);
    }

    private Uni<StandingResponse> act(String notifier, StaffActionRequest request, StaffAction action) {
        NotifierKey key = key(notifier);
        return action.apply(
                        key,
                        reason(request),
                        request.until(),
                        Caller.of(identity).id())
                .map(this::view);
    }

    private static NotifierKey key(String notifier) {
        return NotifierKey.parse(notifier, "notifier");
    }

    private static String reason(StaffActionRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ProblemException.invalidField("reason", "is required");
        }
        return request.reason().strip();
    }

    private StandingResponse view(NotifierStandingEntity s) {
        Instant now = clock.instant();
        return new StandingResponse(
                s.notifierKey,
                s.trustedFlagger,
                s.reportsFiled,
                s.unfoundedReports,
                s.warnings,
                s.lastWarnedAt,
                s.suspensions,
                s.suspendedAt(now),
                s.suspendedAt(now) ? s.suspendedUntil : null,
                s.suspendedAt(now) ? s.suspensionReason : null,
                s.mutedAt(now),
                s.mutedAt(now) ? s.mutedUntil : null,
                s.mutedAt(now) ? s.muteReason : null,
                s.mutedAt(now) ? s.mutedBy : null);
    }
}
