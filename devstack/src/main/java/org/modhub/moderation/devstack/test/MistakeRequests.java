package org.modhub.moderation.devstack.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.devstack.test.ServiceBaselineChecks.BodyCall;
import org.modhub.moderation.devstack.test.ServiceBaselineChecks.Call;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Makes each {@link Mistake} at one service's own endpoints and says what in the answer differs
 * from the one {@link Mistake} lists. Requests go out through the JDK's client, which sends
 * exactly the headers given: a body without {@code Content-Type} is one of the mistakes.
 */
final class MistakeRequests implements AutoCloseable {

    private static final String NOT_A_FIELD = "notAField";
    private static final String NOT_AN_ID = "not-an-id";
    /** A Java stack frame or exception class name, which no answer may carry. */
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat [a-z]+\\.[a-zA-Z.$]+\\(|[a-zA-Z.]+Exception\\b");

    private final BodyCall body;
    private final Call byId;
    private final Call staff;
    private final List<Call> lists;
    /** Over the body limit of the service's write endpoints. */
    private final int oversized;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    MistakeRequests(BodyCall body, Call byId, Call staff, List<Call> lists, int bodyLimit) {
        this.body = body;
        this.byId = byId;
        this.staff = staff;
        this.lists = List.copyOf(lists);
        this.oversized = bodyLimit + 44 * 1024;
    }

    /** One way to make a mistake: the request, its path, and what must name the mistake in the answer. */
    private record Attempt(HttpRequest request, String path, String field, String quoted) {

        Attempt naming(String errorField) {
            return new Attempt(request, path, errorField, quoted);
        }

        Attempt quoting(String text) {
            return new Attempt(request, path, field, text);
        }

        @Override
        public String toString() {
            return request.method() + " " + request.uri().getRawPath()
                    + (request.uri().getRawQuery() == null
                            ? ""
                            : "?" + request.uri().getRawQuery());
        }
    }

    /** Whether the service has an endpoint to make {@code mistake} at: one whose body is optional has no MISSING_BODY. */
    boolean applies(Mistake mistake) {
        return mistake != Mistake.MISSING_BODY || body.required();
    }

    /** What is wrong with each answer to {@code mistake}; empty when every answer is the listed one. */
    List<String> check(Mistake mistake) throws IOException, InterruptedException {
        List<String> wrong = new ArrayList<>();
        for (Attempt attempt : attempts(mistake)) {
            HttpResponse<String> answer = client.send(attempt.request(), HttpResponse.BodyHandlers.ofString());
            List<String> differences = differences(mistake, attempt, answer);
            if (!differences.isEmpty()) {
                wrong.add(mistake + " by " + attempt + ": " + String.join("; ", differences) + "; answered "
                        + answer.statusCode() + " "
                        + answer.headers().firstValue("Content-Type").orElse("(no Content-Type)") + " "
                        + answer.body());
            }
        }
        return wrong;
    }

    private List<Attempt> attempts(Mistake mistake) {
        Call write = body.call();
        String text = "{\"" + body.textField() + "\":\"x\"}";
        return switch (mistake) {
            case UNKNOWN_FIELD ->
                List.of(send(write, "{\"" + NOT_A_FIELD + "\":\"x\"}", "application/json")
                        .naming(NOT_A_FIELD));
            case MALFORMED_JSON ->
                List.of(send(write, "{\"" + body.textField() + "\" \"x\"}", "application/json")
                        .quoting("line"));
            case WRONG_JSON_TYPE ->
                List.of(send(write, "{\"" + body.textField() + "\":{\"nested\":true}}", "application/json")
                        .naming(body.textField()));
            case MISSING_BODY -> List.of(send(write, "", "application/json").naming("body"));
            case MALFORMED_ID ->
                List.of(get(byId.path().replace("{id}", NOT_AN_ID), byId.role()).quoting(NOT_AN_ID));
            case UNKNOWN_ID -> {
                String id = UUID.randomUUID().toString();
                yield List.of(get(byId.path().replace("{id}", id), byId.role()).quoting(id));
            }
            case BAD_LIMIT ->
                lists.stream()
                        .flatMap(list -> Stream.of(
                                get(list.path() + "?limit=0", list.role()).naming("query.limit"),
                                get(list.path() + "?limit=lots", list.role()).naming("query.limit")))
                        .toList();
            case BAD_CURSOR ->
                lists.stream()
                        .map(list -> get(list.path() + "?cursor=" + NOT_AN_ID, list.role())
                                .naming("query.cursor"))
                        .toList();
            case NO_TOKEN -> List.of(get(staff.path(), null));
            case WRONG_ROLE -> List.of(get(staff.path(), Roles.USER));
            case UNKNOWN_PATH -> List.of(get("/api/v1/no-such-thing", null));
            case WRONG_METHOD ->
                List.of(request("DELETE", staff.path(), staff.role(), HttpRequest.BodyPublishers.noBody(), null));
            case OVERSIZED_BODY ->
                List.of(send(
                        write, "{\"" + body.textField() + "\":\"" + "x".repeat(oversized) + "\"}", "application/json"));
            case NO_CONTENT_TYPE -> List.of(send(write, text, null));
            case WRONG_CONTENT_TYPE -> List.of(send(write, text, "text/plain"));
        };
    }

    private List<String> differences(Mistake mistake, Attempt attempt, HttpResponse<String> answer) {
        List<String> wrong = new ArrayList<>();
        if (answer.statusCode() != mistake.status()) {
            wrong.add("status " + answer.statusCode() + ", not " + mistake.status());
        }
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            wrong.add("Content-Type '" + contentType + "', not application/problem+json");
            return wrong;
        }
        JsonPath problem;
        try {
            problem = JsonPath.from(answer.body());
            problem.getMap("$");
        } catch (RuntimeException e) {
            wrong.add("the body is not a JSON object");
            return wrong;
        }
        expect(wrong, "member type", problem.getString("type"), mistake.type());
        expect(wrong, "member status", problem.getString("status"), Integer.toString(mistake.status()));
        expect(wrong, "member instance", problem.getString("instance"), attempt.path());
        for (String member : List.of("title", "detail")) {
            if (problem.getString(member) == null || problem.getString(member).isBlank()) {
                wrong.add("no " + member);
            }
        }
        if (STACK_TRACE.matcher(answer.body()).find()) {
            wrong.add("it shows Java internals");
        }
        if (attempt.field() != null && !fields(problem).contains(attempt.field())) {
            wrong.add("errors[].field " + fields(problem) + " does not name " + attempt.field());
        }
        if (attempt.quoted() != null
                && !String.valueOf(problem.getString("detail")).contains(attempt.quoted())) {
            wrong.add("detail does not quote '" + attempt.quoted() + "'");
        }
        if (mistake == Mistake.NO_TOKEN) {
            expect(
                    wrong,
                    "WWW-Authenticate",
                    answer.headers().firstValue("WWW-Authenticate").orElse(null),
                    "Bearer");
        }
        return wrong;
    }

    private static List<String> fields(JsonPath problem) {
        List<Map<String, Object>> errors = problem.getList("errors");
        return errors == null
                ? List.of()
                : errors.stream()
                        .map(error -> String.valueOf(error.get("field")))
                        .toList();
    }

    private static void expect(List<String> wrong, String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            wrong.add(what + " " + actual + ", not " + expected);
        }
    }

    private static Attempt get(String pathAndQuery, String role) {
        return request("GET", pathAndQuery, role, HttpRequest.BodyPublishers.noBody(), null);
    }

    private static Attempt send(Call call, String json, String contentType) {
        return request(call.method(), call.path(), call.role(), HttpRequest.BodyPublishers.ofString(json), contentType);
    }

    private static Attempt request(
            String method, String pathAndQuery, String role, HttpRequest.BodyPublisher content, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + pathAndQuery))
                .method(method, content)
                .timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (role != null) {
            request.header(
                    "Authorization",
                    "Bearer "
                            + TestTokens.token(
                                    "mistaken-" + UUID.randomUUID().toString().substring(0, 8), role));
        }
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        return new Attempt(request.build(), path, null, null);
    }

    @Override
    public void close() {
        client.close();
    }
}
