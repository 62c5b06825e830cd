package org.modhub.moderation.appeals.api;

/**
 * A dispute brought before a certified out-of-court settlement body (DSA Art. 21).
 *
 * @param decisionId the decision disputed
 * @param appealId the appeal that preceded it, if any
 * @param body the settlement body's name
 * @param submittedOn when the body received the dispute (date, UTC)
 * @param notes staff notes
 */
public record DisputeRequest(String decisionId, String appealId, String body, String submittedOn, String notes) {}
