package org.modhub.moderation.appeals.api;

/** Why staff end an appellant's suspension early. */
public record LiftRequest(String reason) {}
