package org.modhub.moderation.console.services;

/** Why staff end an appellant's suspension early (appeals-service's lift body). */
public record LiftBody(String reason) {}
