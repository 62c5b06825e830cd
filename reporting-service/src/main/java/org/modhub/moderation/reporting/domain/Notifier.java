package org.modhub.moderation.reporting.domain;

/**
 * The person or system filing a report.
 *
 * @param key the standing key
 * @param accountId the hub account id (token subject), null for mail notifiers
 * @param displayName the name shown on a public report if they opt in (token {@code preferred_username} or {@code upn})
 * @param email the address from the token or the mail, if any
 */
public record Notifier(NotifierKey key, String accountId, String displayName, String email) {}
