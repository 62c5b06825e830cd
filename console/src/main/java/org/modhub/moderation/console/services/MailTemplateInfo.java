package org.modhub.moderation.console.services;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A mail template: what it is for, its parameters and the sample values a preview uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MailTemplateInfo(
        String id, String purpose, List<String> required, List<String> optional, Map<String, String> sample) {

    public MailTemplateInfo {
        required = required == null ? List.of() : List.copyOf(required);
        optional = optional == null ? List.of() : List.copyOf(optional);
        sample = sample == null ? Map.of() : Map.copyOf(sample);
    }
}
