package org.modhub.moderation.console.services;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Inbound mail no service owns, as notification-service lists it for staff. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnmatchedMailSummary(
        String id,
        String mailbox,
        String from,
        String subjectLine,
        Instant receivedAt,
        boolean handled,
        Instant handledAt,
        String handledBy) {}
