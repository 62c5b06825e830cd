package org.modhub.moderation.console.services;

import java.util.Map;

/** A preview request: the language, and parameters replacing the template's samples (none: the samples). */
public record PreviewBody(String locale, Map<String, String> parameters) {}
