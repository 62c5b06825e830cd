package org.modhub.moderation.console.cases;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * A service's problem details read for a part of a page that shows them in place (the live preview), where the
 * page-wide refusal message would interrupt someone still typing.
 *
 * @param fields each named field with what is wrong with it
 */
public record ServiceProblem(int status, String title, String detail, List<Field> fields) {

    public record Field(String field, String message) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static ServiceProblem of(Throwable failure, String service) {
        if (!(failure instanceof WebApplicationException e) || e.getResponse() == null) {
            return new ServiceProblem(
                    503, "The " + service + " cannot be reached", "Try again in a moment.", List.of());
        }
        Response response = e.getResponse();
        int status = response.getStatus();
        String title = "The " + service + " refused (" + status + ")";
        String detail = null;
        List<Field> fields = new ArrayList<>();
        try {
            JsonNode problem = JSON.readTree(response.readEntity(String.class));
            title = problem.path("title").asText(title);
            detail = problem.path("detail").isMissingNode()
                    ? null
                    : problem.path("detail").asText(null);
            for (JsonNode f : problem.path("errors")) {
                fields.add(new Field(f.path("field").asText(), f.path("message").asText()));
            }
        } catch (RuntimeException | java.io.IOException ignored) {
            // Not problem details: the status says enough.
        }
        return new ServiceProblem(status, title, detail, fields);
    }

    /** Whether the request itself is at fault (the form is not complete or not consistent yet). */
    public boolean aboutTheRequest() {
        return status == 400 || status == 422;
    }
}
