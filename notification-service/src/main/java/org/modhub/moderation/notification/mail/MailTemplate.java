package org.modhub.moderation.notification.mail;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One kind of mail the other services ask for: its id (the {@code templateId} of
 * {@code NotificationRequested}), the parameters it needs, and sample values for previews and tests.
 *
 * @param id the template id, e.g. {@code report-receipt}
 * @param purpose what the mail tells its recipient
 * @param required parameters the template cannot render without
 * @param optional parameters it uses when present
 * @param listParams parameters holding comma-separated values; the template also gets {@code <name>List}
 * @param sample a value for every required and optional parameter
 */
public record MailTemplate(
        String id,
        String purpose,
        List<String> required,
        List<String> optional,
        Set<String> listParams,
        Map<String, String> sample) {

    public MailTemplate {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        listParams = Set.copyOf(listParams);
        sample = Map.copyOf(sample);
        for (String name : required) {
            if (!sample.containsKey(name)) {
                throw new IllegalArgumentException("template " + id + ": no sample for " + name);
            }
        }
    }

    /** Required parameters absent (or blank) in {@code parameters}. */
    public List<String> missing(Map<String, String> parameters) {
        return required.stream()
                .filter(name ->
                        parameters.get(name) == null || parameters.get(name).isBlank())
                .toList();
    }
}
