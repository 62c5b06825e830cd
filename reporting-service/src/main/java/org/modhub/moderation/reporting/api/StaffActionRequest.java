package org.modhub.moderation.reporting.api;

import java.time.Instant;

/**
 * A staff member's warning, suspension or lift.
 *
 * @param reason why, as told to the notifier (required)
 * @param until for a suspension: when it ends; defaults to the configured first suspension
 */
public record StaffActionRequest(String reason, Instant until) {
}
