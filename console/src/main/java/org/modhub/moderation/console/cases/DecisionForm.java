package org.modhub.moderation.console.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The decide form as review-service's decision body. Blank fields are left out, so the service's defaults apply
 * (ground from the subcategory, the EEA as scope, the primary owner) and a field that only some actions take is
 * never sent empty. The service checks everything; this only translates.
 */
final class DecisionForm {

    private static final List<String> TEXTS = List.of(
            "ground",
            "category",
            "subcategory",
            "facts",
            "explanation",
            "ownerId",
            "changesRequested",
            "legalProvision",
            "legalGround",
            "policyClause");

    private DecisionForm() {}

    static Map<String, Object> body(MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> actions = new ArrayList<>();
        for (String a : form.getOrDefault("actions", List.of())) {
            if (a != null && !a.isBlank()) {
                actions.add(a.strip());
            }
        }
        if (!actions.isEmpty()) {
            body.put("actions", actions);
        }
        for (String name : TEXTS) {
            String value = form.getFirst(name);
            if (value != null && !value.isBlank()) {
                body.put(name, value.strip());
            }
        }
        String scope = form.getFirst("territorialScope");
        if (scope != null && !scope.isBlank()) {
            List<String> codes = new ArrayList<>();
            for (String code : scope.strip().split("[,;\\s]+")) {
                codes.add(code.toUpperCase(Locale.ROOT));
            }
            body.put("territorialScope", codes);
        }
        instant(form, body, "endDate");
        instant(form, body, "ownerDeadline");
        if ("true".equals(form.getFirst("manifestlyUnfounded"))) {
            body.put("manifestlyUnfounded", true);
        }
        return body;
    }

    /**
     * A {@code datetime-local} value ("2026-12-24T18:00") as the RFC 3339 time the service takes, in UTC as the form
     * says; anything else is passed as typed, for the service to name the field.
     */
    static void instant(MultivaluedMap<String, String> form, Map<String, Object> body, String name) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            return;
        }
        String v = value.strip();
        if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) {
            v = v + ":00Z";
        } else if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")) {
            v = v + "Z";
        }
        body.put(name, v);
    }
}
