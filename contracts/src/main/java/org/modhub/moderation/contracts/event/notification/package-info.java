/**
 * Payload of {@code notifications.requests}: any service asks notification-service for a mail.
 * Domain services never talk SMTP.
 */
package org.modhub.moderation.contracts.event.notification;
