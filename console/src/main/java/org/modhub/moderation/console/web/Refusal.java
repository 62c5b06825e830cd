package org.modhub.moderation.console.web;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * What a service said when it refused (its problem details), or that it could not be reached. The console
 * shows it as the service worded it: a rule the service enforces is explained on screen, not hidden.
 */
public record Refusal(int status, String service, String title, String detail, String type) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Refusal of(WebApplicationException e, String service) {
        Response response = e.getResponse();
        int status = response == null ? 500 : response.getStatus();
        String title = "The " + service + " refused (" + status + ")";
        String detail = null;
        String type = null;
        if (response != null && response.hasEntity()) {
            try {
                String body = response.readEntity(String.class);
                @SuppressWarnings("unchecked")
                Map<String, Object> problem = JSON.readValue(body, Map.class);
                title = text(problem.get("title"), title);
                detail = text(problem.get("detail"), null);
                type = text(problem.get("type"), null);
            } catch (RuntimeException | java.io.IOException ignored) {
                // Not problem details (a proxy's page, say): the status says enough.
            }
        }
        return new Refusal(status, service, title, detail, type);
    }

    static Refusal unreachable(String service) {
        return new Refusal(
                503,
                service,
                "The " + service + " cannot be reached",
                "Nothing was changed. Try again in a moment; if it lasts, the service is down.",
                "urn:modhub:problem:service-unreachable");
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
