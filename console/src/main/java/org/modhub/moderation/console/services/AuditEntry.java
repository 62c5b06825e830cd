package org.modhub.moderation.console.services;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One line of the append-only audit log: who did what to which entity, when. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditEntry(
        long id, Instant at, String actor, String action, String entityType, String entityId, String detail) {}
