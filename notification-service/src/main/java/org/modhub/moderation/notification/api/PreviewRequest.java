package org.modhub.moderation.notification.api;

import java.util.Map;

/**
 * @param locale BCP 47 tag; default {@code en}
 * @param parameters values that replace the template's samples
 */
public record PreviewRequest(String locale, Map<String, String> parameters) {}
