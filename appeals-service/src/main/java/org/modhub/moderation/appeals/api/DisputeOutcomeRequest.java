package org.modhub.moderation.appeals.api;

/**
 * How a dispute ended.
 *
 * @param outcome IN_FAVOUR_OF_RECIPIENT, IN_FAVOUR_OF_PROVIDER, SETTLED or DISCONTINUED
 * @param settledOn the date the procedure ended
 * @param implemented whether the hub implemented the body's decision
 * @param implementedOn when it did
 */
public record DisputeOutcomeRequest(String outcome, String settledOn, Boolean implemented, String implementedOn) {}
