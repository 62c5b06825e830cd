/** Payload of {@code mail.inbound}: mail parsed by notification-service's gateway, keyed by mailbox. */
package org.modhub.moderation.contracts.event.mail;
