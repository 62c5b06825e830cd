package org.modhub.moderation.reporting.api;

import java.time.Instant;

/**
 * A staff member's warning, suspension, lift, mute or unmute.
 *
 * @param reason why: told to the notifier for a warning, suspension or lift; kept for staff for a mute (required)
 * @param until for a suspension or a mute: when it ends; defaults to the configured first suspension or mute length
 */
public record StaffActionRequest(String reason, Instant until) {}
