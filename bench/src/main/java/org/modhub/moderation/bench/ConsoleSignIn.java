package org.modhub.moderation.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a person in to the staff console as a browser does, through the authorization-code flow at devstack's
 * identity stand-in (its local sign-in form), and returns the session as one {@code Cookie} header for the load
 * generator. The steps are those of the console's {@code SignInAndGuardsTest}.
 */
final class ConsoleSignIn {

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI console;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    ConsoleSignIn(String consoleUrl) {
        this.console = URI.create(consoleUrl + "/");
    }

    /** Signs {@code user} in with {@code role}; the {@code Cookie} header of the session once the queue has answered 200. */
    String signIn(String user, String role) throws IOException, InterruptedException {
        HttpResponse<String> start = send(get(console.resolve("/queue")), 302, "the console without a session");
        // The Location is sent as it is: it is already encoded.
        URI authorize = console.resolve(location(start));
        HttpResponse<String> form = send(get(authorize), 200, "the sign-in form");
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        if (fields.isEmpty()) {
            throw new IllegalStateException("the sign-in form has no hidden fields:\n" + form.body());
        }
        fields.put("username", user);
        fields.put("email", user + "@example.org");
        fields.put("role", role);
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
        String action = authorize.toString().substring(0, authorize.toString().indexOf('?'));
        HttpResponse<String> signedIn = send(
                HttpRequest.newBuilder(URI.create(action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                302,
                "the sign-in form's answer");
        HttpResponse<String> callback =
                send(get(authorize.resolve(location(signedIn))), 302, "the console's sign-in callback");
        if (cookies.keySet().stream().noneMatch(name -> name.startsWith("q_session"))) {
            throw new IllegalStateException("no session cookie after the callback: " + callback.headers());
        }
        // The first page issues the CSRF cookie; a 200 here means the session works.
        send(get(console.resolve("/queue")), 200, "the queue, signed in");
        StringJoiner header = new StringJoiner("; ");
        cookies.forEach((name, value) -> header.add(name + "=" + value));
        return header.toString();
    }

    private HttpRequest get(URI uri) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).header("Accept", "text/html").GET();
        if (!cookies.isEmpty() && uri.getAuthority().equals(console.getAuthority())) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((name, value) -> header.add(name + "=" + value));
            request.header("Cookie", header.toString());
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request, int expected, String what)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(what + " (" + request.uri() + ") answered " + response.statusCode()
                    + ", not " + expected + ": " + response.headers().map() + "\n" + response.body());
        }
        if (request.uri().getAuthority().equals(console.getAuthority())) {
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                boolean removed = value.isEmpty()
                        || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
                if (removed) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
        return response;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no Location in " + response.headers()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
