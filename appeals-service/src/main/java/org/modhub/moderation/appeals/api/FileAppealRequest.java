package org.modhub.moderation.appeals.api;

import java.util.List;

/**
 * An appeal against a decision (DSA Art. 20), free of charge.
 *
 * @param decisionId the decision contested (from the statement of reasons or the outcome mail)
 * @param arguments why the decision is wrong (required, bounded)
 * @param evidenceUrls http(s) links to evidence; stored, never fetched
 * @param residence a notifier's country, ISO 3166-1 alpha-2: decides the further redress they are told of (else the
 *     country their report named). Ignored for the owner, whose country comes from the hub directory
 */
public record FileAppealRequest(String decisionId, String arguments, List<String> evidenceUrls, String residence) {}
