package org.modhub.moderation.console.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A template rendered with its samples: subject, text and HTML bodies, and the language used. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MailPreview(String templateId, String locale, String subject, String text, String html) {}
