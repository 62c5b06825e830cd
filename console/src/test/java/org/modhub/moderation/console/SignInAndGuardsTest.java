package org.modhub.moderation.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The console's doors, over HTTP as a browser walks them: the authorization-code flow with the identity provider's
 * form, the cookies it leaves, the headers on every page, and the CSRF guard on every state-changing request.
 */
@QuarkusTest
@QuarkusTestResource(value = IdentityProviderResource.class, restrictToAnnotatedClass = true)
class SignInAndGuardsTest {

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @TestHTTPResource("/")
    URI console;

    @Test
    void aPageNeedsSignInAndTheCodeFlowWithPkceLeadsToTheProvidersForm() {
        Response toProvider = given().redirects().follow(false).get(console.resolve("/queue"));
        assertThat(toProvider.header("Set-Cookie")).as("the state cookie").contains("q_auth");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String location = toProvider.header("Location");
        assertThat(location)
                .startsWith(IdentityProviderResource.provider.authServerUrl() + "/authorize")
                .contains("response_type=code")
                .contains("client_id=console")
                .contains("code_challenge_method=S256")
                .contains("state=");
    }

    @Test
    void signedInThePageSaysWhoAndThatSignInIsLocalAndTheSessionCookieIsSecureHttpOnlySameSite() {
        Session session = signIn("alice", "moderator");
        assertThat(session.sessionCookieHeaders)
                .isNotEmpty()
                .allSatisfy(header -> assertThat(header.toLowerCase())
                        .contains("secure")
                        .contains("httponly")
                        .contains("samesite=lax"));

        // No service answers behind this console: the page says which one cannot be reached, inside the layout.
        Response queue = session.get("/queue");
        assertThat(queue.statusCode()).as(queue.body().asString()).isEqualTo(503);
        assertThat(queue.body().asString())
                .contains("Signed in as <strong>alice</strong>")
                .contains("Local sign-in: development only")
                .contains("cannot be reached")
                .doesNotContain("<script>")
                .doesNotContain("style=\"");
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicyAndStaffPagesAreNotCached() {
        Session session = signIn("sam", "senior-moderator");
        Response page = session.get("/queue");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("style-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");

        Response htmx = given().get(console.resolve("/webjars/htmx.org/2.0.4/dist/htmx.min.js"));
        assertThat(htmx.statusCode())
                .as("htmx is served from its Maven artifact")
                .isEqualTo(200);
        assertThat(htmx.header("Content-Security-Policy")).isEqualTo(csp);
    }

    @Test
    void aStateChangingRequestWithoutThisBrowsersCsrfTokenIsRefusedBeforeAnyPageCodeRuns() {
        Session session = signIn("alice", "moderator");
        Response none = session.post("/queue/00000000-0000-0000-0000-000000000001/claim", null);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.body().asString()).contains("urn:modhub:problem:csrf");

        Response forged = session.post("/queue/00000000-0000-0000-0000-000000000001/claim", "x".repeat(43));
        assertThat(forged.statusCode()).isEqualTo(403);

        // With the browser's own token the request reaches the page, which asks the (absent) review service.
        Response sent = session.post("/queue/00000000-0000-0000-0000-000000000001/claim", session.csrf);
        assertThat(sent.statusCode()).isEqualTo(503);
        assertThat(sent.header("HX-Retarget")).isEqualTo("#messages");
    }

    @Test
    void aPersonWithoutAStaffRoleIsTurnedAwayAtTheDoor() {
        Session session = signIn("uma", "user");
        Response home = session.get("/");
        assertThat(home.statusCode()).isEqualTo(403);
        assertThat(home.body().asString()).contains("This console is for the hub's staff");
    }

    /** A browser's cookies after the code flow: the session, and the CSRF token the console issued. */
    record Session(URI console, Map<String, String> cookies, List<String> sessionCookieHeaders, String csrf) {
        Response get(String path) {
            return given().redirects().follow(false).cookies(cookies).get(console.resolve(path));
        }

        Response post(String path, String csrfHeader) {
            var request = given().redirects().follow(false).cookies(cookies).header("HX-Request", "true");
            if (csrfHeader != null) {
                request = request.header("X-CSRF-Token", csrfHeader);
            }
            return request.post(console.resolve(path));
        }
    }

    private Session signIn(String user, String role) {
        Map<String, String> cookies = new HashMap<>();
        Response start = given().redirects().follow(false).get(console.resolve("/"));
        cookies.putAll(start.cookies());
        String authorize = start.header("Location");
        // Addresses from Location headers are sent as they are (already encoded).
        Response form =
                given().urlEncodingEnabled(false).redirects().follow(false).get(authorize);
        assertThat(form.body().asString()).contains("Local sign-in").contains("id=\"sign-in-form\"");
        Map<String, String> fields = new HashMap<>();
        Matcher hidden = HIDDEN.matcher(form.body().asString());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        fields.put("username", user);
        fields.put("email", user + "@example.org");
        fields.put("role", role);
        Response signedIn = given().redirects()
                .follow(false)
                .formParams(fields)
                .post(authorize.substring(0, authorize.indexOf('?')));
        assertThat(signedIn.statusCode()).as(signedIn.body().asString()).isEqualTo(302);
        Response callback = given().urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .cookies(cookies)
                .get(signedIn.header("Location"));
        assertThat(callback.statusCode()).as(callback.body().asString()).isEqualTo(302);
        cookies.putAll(callback.cookies());
        List<String> sessionHeaders = callback.headers().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("q_session"))
                .toList();
        // The first page issues the CSRF cookie.
        Response page = given().redirects().follow(false).cookies(cookies).get(console.resolve("/queue"));
        cookies.putAll(page.cookies());
        return new Session(console, cookies, sessionHeaders, cookies.get("console-csrf"));
    }
}
