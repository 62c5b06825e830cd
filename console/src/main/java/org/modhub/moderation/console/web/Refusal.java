package org.modhub.moderation.console.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * What a service said when it refused (its problem details, with the fields it named), or that it could not be
 * reached. The console shows it as the service worded it: a rule the service enforces is explained on screen, not
 * hidden.
 *
 * @param fields each field the service named, with what is wrong with it
 */
public record Refusal(int status, String service, String title, String detail, String type, List<Field> fields) {

    public record Field(String field, String message) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A service's answer to a call that failed: its problem details, or "cannot be reached" for no answer. */
    public static Refusal of(Throwable failure, String service) {
        if (!(failure instanceof WebApplicationException e) || e.getResponse() == null) {
            return unreachable(service);
        }
        Response response = e.getResponse();
        int status = response.getStatus();
        String title = "The " + service + " refused (" + status + ")";
        String detail = null;
        String type = null;
        List<Field> fields = new ArrayList<>();
        if (response.hasEntity()) {
            try {
                JsonNode problem = JSON.readTree(response.readEntity(String.class));
                title = text(problem.path("title"), title);
                detail = text(problem.path("detail"), null);
                type = text(problem.path("type"), null);
                for (JsonNode field : problem.path("errors")) {
                    fields.add(new Field(
                            field.path("field").asText(), field.path("message").asText()));
                }
            } catch (RuntimeException | java.io.IOException ignored) {
                // Not problem details (a proxy's page, say): the status says enough.
            }
        }
        return new Refusal(status, service, title, detail, type, List.copyOf(fields));
    }

    static Refusal unreachable(String service) {
        return new Refusal(
                503,
                service,
                "The " + service + " cannot be reached",
                "Nothing was changed. Try again in a moment; if it lasts, the service is down.",
                "urn:modhub:problem:service-unreachable",
                List.of());
    }

    /** Whether the request itself is at fault (a form not complete or not consistent yet). */
    public boolean aboutTheRequest() {
        return status == 400 || status == 422;
    }

    private static String text(JsonNode value, String fallback) {
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? fallback : value.asText();
    }
}
