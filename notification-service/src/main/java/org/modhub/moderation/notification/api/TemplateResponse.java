package org.modhub.moderation.notification.api;

import java.util.List;
import java.util.Map;

/** A mail template: its id, what it is for, its parameters and sample values. */
public record TemplateResponse(
        String id, String purpose, List<String> required, List<String> optional, Map<String, String> sample) {}
