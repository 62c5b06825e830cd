package org.modhub.moderation.reporting.api;

/**
 * A notifier withdraws their report; the body is optional.
 *
 * @param reason why, if they wish to say (at most 2000 characters; kept for staff and passed to review)
 */
public record WithdrawRequest(String reason) {}
