package org.modhub.moderation.notification.api;

/** A rendered template: subject, both bodies, and the language actually used. */
public record PreviewResponse(String templateId, String locale, String subject, String text, String html) {}
