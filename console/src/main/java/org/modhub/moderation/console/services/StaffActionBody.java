package org.modhub.moderation.console.services;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of reporting-service's notifier actions. The services refuse unknown fields, so an absent
 * {@code until} is left out rather than sent as null.
 *
 * @param reason why (the service requires it)
 * @param until RFC 3339 end of a suspension or mute; absent for the service's default length
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StaffActionBody(String reason, String until) {}
