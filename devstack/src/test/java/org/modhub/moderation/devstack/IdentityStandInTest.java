package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The identity stand-in as the console's OIDC client meets it, over HTTP: discovery, the sign-in page, the code
 * flow with PKCE, the tokens the services and the console verify, and every request it must refuse.
 */
class IdentityStandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String CALLBACK = "http://127.0.0.1:8086/queue";
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private static JwtKeys keys;
    private static IdentityStandIn idp;

    @BeforeAll
    static void start() {
        keys = JwtKeys.generate();
        idp = IdentityStandIn.startEmbedded(
                0,
                keys,
                List.of(
                        OidcClient.console(),
                        new OidcClient("other", "other-secret", List.of("https://other.example/"))));
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @Test
    void discoveryNamesItsEndpointsUnderAuthAndTheIssuerTheServicesExpect() throws Exception {
        HttpResponse<String> response = get(idp.authServerUrl() + "/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        String base = idp.url() + "/auth";
        assertThat(doc.path("issuer").asText()).isEqualTo(DevStackDefaults.JWT_ISSUER);
        assertThat(doc.path("authorization_endpoint").asText()).isEqualTo(base + "/authorize");
        assertThat(doc.path("token_endpoint").asText()).isEqualTo(base + "/token");
        assertThat(doc.path("jwks_uri").asText()).isEqualTo(base + "/jwks");
        assertThat(doc.path("userinfo_endpoint").asText()).isEqualTo(base + "/userinfo");
        assertThat(doc.path("end_session_endpoint").asText()).isEqualTo(base + "/logout");
        assertThat(texts(doc.path("response_types_supported"))).containsExactly("code");
        assertThat(texts(doc.path("subject_types_supported"))).containsExactly("public");
        assertThat(texts(doc.path("id_token_signing_alg_values_supported"))).containsExactly("RS256");
        assertThat(texts(doc.path("code_challenge_methods_supported"))).containsExactly("S256", "plain");
        assertThat(texts(doc.path("token_endpoint_auth_methods_supported")))
                .containsExactly("client_secret_basic", "client_secret_post");

        JsonNode jwks = JSON.readTree(get(doc.path("jwks_uri").asText()).body());
        assertThat(jwks.path("keys")).hasSize(1);
        assertThat(jwks.path("keys").get(0).path("kid").asText()).isEqualTo(keys.keyId());
        assertThat(jwks.path("keys").get(0).has("d")).as("no private part").isFalse();
    }

    @Test
    void theSignInPageIsAccessibleCarriesTheBannerAndNoInlineScriptOrStyle() throws Exception {
        HttpResponse<String> page = get(authorizeUrl(CALLBACK, "st-1", "n-1", null));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains(
                                "default-src 'none'",
                                "frame-ancestors 'none'",
                                "form-action 'self' http://127.0.0.1:8086")
                        .doesNotContain("unsafe-inline"));
        String html = page.body();
        assertThat(html)
                .contains("<html lang=\"en\">", "<title>Local sign-in — development only</title>")
                .contains(">Local sign-in — development only</div>")
                .contains("id=\"username\"", "id=\"email\"", "id=\"sign-in\"");
        for (String role : List.of("user", "moderator", "senior-moderator", "legal", "auditor", "admin")) {
            assertThat(html).contains("id=\"role-" + role + "\"", "<label for=\"role-" + role + "\">");
        }
        for (String preset : List.of("alice", "mo2", "sam", "lee", "aud", "ada")) {
            assertThat(html).contains("id=\"preset-" + preset + "\"");
        }
        // Every visible input has a label naming it.
        Matcher inputs = Pattern.compile("<input type=\"(?!hidden)[^\"]+\" id=\"([^\"]+)\"")
                .matcher(html);
        int visible = 0;
        while (inputs.find()) {
            visible++;
            assertThat(html).contains("<label for=\"" + inputs.group(1) + "\">");
        }
        assertThat(visible).isEqualTo(8);
        assertThat(html.toLowerCase()).doesNotContain("<script", "<style", " style=", " onclick", " onsubmit");
        assertThat(get(idp.authServerUrl() + "/sign-in.css").statusCode()).isEqualTo(200);
    }

    @Test
    void theFullCodeFlowGivesAnAccessTokenEveryServiceAcceptsAndAnIdTokenForTheConsole() throws Exception {
        String verifier = verifier();
        String state = "state-" + UUID.randomUUID();
        String nonce = "nonce-" + UUID.randomUUID();
        HttpResponse<String> page = get(authorizeUrl(CALLBACK, state, nonce, AuthorizationCodes.s256(verifier)));
        assertThat(page.statusCode()).isEqualTo(200);

        Map<String, List<String>> form = hiddenFields(page.body());
        form.put("username", List.of("dana"));
        form.put("email", List.of("dana@example.org"));
        form.put("role", List.of(Roles.MODERATOR, Roles.LEGAL));
        HttpResponse<String> signedIn = post(idp.authServerUrl() + "/authorize", form, null);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        URI back = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(CALLBACK + "?");
        Map<String, String> query = query(back);
        assertThat(query).containsEntry("state", state).containsKey("code");

        HttpResponse<String> exchanged = exchange(
                query.get("code"), CALLBACK, verifier, basic("console", DevStackDefaults.CONSOLE_CLIENT_SECRET));
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        assertThat(exchanged.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode tokens = JSON.readTree(exchanged.body());
        assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asLong()).isEqualTo(DevStackDefaults.TOKEN_TTL.toSeconds());

        // The access token: what every service verifies with the development public key (PEM, no kid needed).
        JwtClaims access = SharedStackTest.verifier(keys.publicKey())
                .processToClaims(tokens.path("access_token").asText());
        assertThat(access.getSubject()).isEqualTo("dana");
        assertThat(access.getStringClaimValue("upn")).isEqualTo("dana");
        assertThat(access.getStringListClaimValue("groups")).containsExactly(Roles.MODERATOR, Roles.LEGAL);
        assertThat(access.getStringClaimValue("email")).isEqualTo("dana@example.org");
        assertThat(access.getAudience()).containsExactly(DevStackDefaults.JWT_AUDIENCE);
        assertThat(kidOf(tokens.path("access_token").asText())).isEqualTo(keys.keyId());

        // The ID token: for the console, with its nonce, verifiable from the JWKS by kid (as quarkus-oidc does).
        String idToken = tokens.path("id_token").asText();
        assertThat(kidOf(idToken)).isEqualTo(keys.keyId());
        JsonWebKeySet jwks =
                new JsonWebKeySet(get(idp.authServerUrl() + "/jwks").body());
        JwtClaims id = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer(DevStackDefaults.JWT_ISSUER)
                .setExpectedAudience(DevStackDefaults.CONSOLE_CLIENT_ID)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build()
                .processToClaims(idToken);
        assertThat(id.getAudience()).containsExactly("console");
        assertThat(id.getStringClaimValue("nonce")).isEqualTo(nonce);
        assertThat(id.getSubject()).isEqualTo("dana");
        assertThat(id.getStringClaimValue("email")).isEqualTo("dana@example.org");
        assertThat(id.getStringClaimValue("name")).isEqualTo("dana");
        assertThat(id.getStringListClaimValue("groups")).containsExactly(Roles.MODERATOR, Roles.LEGAL);

        HttpResponse<String> userinfo = CLIENT.send(
                HttpRequest.newBuilder(URI.create(idp.authServerUrl() + "/userinfo"))
                        .header(
                                "Authorization",
                                "Bearer " + tokens.path("access_token").asText())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(userinfo.statusCode()).isEqualTo(200);
        JsonNode info = JSON.readTree(userinfo.body());
        assertThat(info.path("sub").asText()).isEqualTo("dana");
        assertThat(info.path("email").asText()).isEqualTo("dana@example.org");
        assertThat(texts(info.path("groups"))).containsExactly(Roles.MODERATOR, Roles.LEGAL);
    }

    @Test
    void aPresetSignsInWithItsRoleAndTheSecretMayComeInTheBody() throws Exception {
        Map<String, List<String>> form =
                hiddenFields(get(authorizeUrl(CALLBACK, null, null, null)).body());
        form.put("preset", List.of("sam"));

        String code = codeFrom(post(idp.authServerUrl() + "/authorize", form, null));
        Map<String, List<String>> token = tokenForm(code, CALLBACK, null);
        token.put("client_id", List.of("console"));
        token.put("client_secret", List.of(DevStackDefaults.CONSOLE_CLIENT_SECRET));
        HttpResponse<String> exchanged = post(idp.authServerUrl() + "/token", token, null);

        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JwtClaims access = SharedStackTest.verifier(keys.publicKey())
                .processToClaims(
                        JSON.readTree(exchanged.body()).path("access_token").asText());
        assertThat(access.getSubject()).isEqualTo("sam");
        assertThat(access.getStringListClaimValue("groups")).containsExactly(Roles.SENIOR_MODERATOR);
        assertThat(access.getStringClaimValue("email")).isEqualTo("sam@example.org");
    }

    @Test
    void aCodeWorksOnlyOnce() throws Exception {
        String code = signIn(CALLBACK, null);
        String auth = basic("console", DevStackDefaults.CONSOLE_CLIENT_SECRET);

        assertThat(exchange(code, CALLBACK, null, auth).statusCode()).isEqualTo(200);
        HttpResponse<String> again = exchange(code, CALLBACK, null, auth);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(again.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aWrongPkceVerifierIsRefusedAndSpendsTheCode() throws Exception {
        String verifier = verifier();
        String code = signIn(CALLBACK, AuthorizationCodes.s256(verifier));
        String auth = basic("console", DevStackDefaults.CONSOLE_CLIENT_SECRET);

        HttpResponse<String> wrong = exchange(code, CALLBACK, verifier(), auth);
        assertThat(wrong.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(wrong.body());
        assertThat(error.path("error").asText()).isEqualTo("invalid_grant");
        assertThat(error.path("error_description").asText()).contains("code_verifier");
        assertThat(exchange(code, CALLBACK, verifier, auth).statusCode()).isEqualTo(400);

        String withoutVerifier = signIn(CALLBACK, AuthorizationCodes.s256(verifier));
        assertThat(JSON.readTree(exchange(withoutVerifier, CALLBACK, null, auth).body())
                        .path("error")
                        .asText())
                .isEqualTo("invalid_grant");
    }

    @Test
    void aCodeIsRedeemedOnlyWithTheRedirectUriItWasIssuedFor() throws Exception {
        String code = signIn(CALLBACK, null);

        HttpResponse<String> other = exchange(
                code,
                "http://127.0.0.1:8086/elsewhere",
                null,
                basic("console", DevStackDefaults.CONSOLE_CLIENT_SECRET));

        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(other.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aForeignRedirectUriOrAnUnknownClientGetsAPageNeverARedirect() throws Exception {
        for (String foreign : List.of(
                "https://evil.example/cb",
                "http://127.0.0.1:8086@evil.example/cb",
                "https://other.example/cb",
                "http://127.0.0.1:8086/queue#fragment")) {
            HttpResponse<String> refused = get(authorizeUrl(foreign, "s", null, null));
            assertThat(refused.statusCode()).as(foreign).isEqualTo(400);
            assertThat(refused.headers().firstValue("Location")).as(foreign).isEmpty();
            assertThat(refused.body())
                    .contains(
                            "<html lang=\"en\">",
                            "Local sign-in — development only",
                            "is not registered for the client console");
        }
        HttpResponse<String> unknown = get(idp.authServerUrl()
                + "/authorize?response_type=code&client_id=nobody&redirect_uri=" + encode(CALLBACK));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("The client nobody is not registered here.");

        // A POST with a foreign redirect is refused as well (the hidden fields are the browser's to change).
        Map<String, List<String>> form =
                hiddenFields(get(authorizeUrl(CALLBACK, null, null, null)).body());
        form.put("redirect_uri", List.of("https://evil.example/cb"));
        form.put("preset", List.of("alice"));
        HttpResponse<String> posted = post(idp.authServerUrl() + "/authorize", form, null);
        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aKnownClientsBadRequestGoesBackToItAsAnOAuthError() throws Exception {
        HttpResponse<String> response = get(idp.authServerUrl()
                + "/authorize?response_type=token&client_id=console&state=s1&redirect_uri=" + encode(CALLBACK));

        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, String> query =
                query(URI.create(response.headers().firstValue("Location").orElseThrow()));
        assertThat(query).containsEntry("error", "unsupported_response_type").containsEntry("state", "s1");
    }

    @Test
    void aWrongClientSecretIsInvalidClient() throws Exception {
        String code = signIn(CALLBACK, null);

        HttpResponse<String> wrong = exchange(code, CALLBACK, null, basic("console", "not-the-secret"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).path("error").asText()).isEqualTo("invalid_client");
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        HttpResponse<String> otherClient = exchange(code, CALLBACK, null, basic("other", "other-secret"));
        assertThat(JSON.readTree(otherClient.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void tokenRequestsMissingWhatTheyNeedGetTheRfcErrors() throws Exception {
        String auth = basic("console", DevStackDefaults.CONSOLE_CLIENT_SECRET);
        Map<String, List<String>> refresh = new LinkedHashMap<>();
        refresh.put("grant_type", List.of("refresh_token"));
        refresh.put("refresh_token", List.of("x"));
        assertThat(error(post(idp.authServerUrl() + "/token", refresh, auth))).isEqualTo("unsupported_grant_type");

        Map<String, List<String>> noCode = new LinkedHashMap<>();
        noCode.put("grant_type", List.of("authorization_code"));
        assertThat(error(post(idp.authServerUrl() + "/token", noCode, auth))).isEqualTo("invalid_request");

        assertThat(error(post(idp.authServerUrl() + "/token", noCode, null))).isEqualTo("invalid_client");
    }

    @Test
    void anInvalidUserIdShowsTheFormAgainWithTheReasonAndWhatWasTyped() throws Exception {
        Map<String, List<String>> form =
                hiddenFields(get(authorizeUrl(CALLBACK, null, null, null)).body());
        form.put("username", List.of("<b>bad id"));
        form.put("role", List.of(Roles.AUDITOR));

        HttpResponse<String> again = post(idp.authServerUrl() + "/authorize", form, null);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body())
                .contains("role=\"alert\"", "User id: 1 to 64 letters")
                .contains("value=\"&lt;b&gt;bad id\"")
                .contains("id=\"role-auditor\" name=\"role\" value=\"auditor\" checked")
                .doesNotContain("<b>bad");
    }

    @Test
    void anOversizedBodyIsRefusedUnread() throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(idp.authServerUrl() + "/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("code=" + "x".repeat(IdentityApi.MAX_BODY + 10)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void logoutReturnsOnlyToARegisteredAddress() throws Exception {
        HttpResponse<String> back = get(idp.authServerUrl() + "/logout?post_logout_redirect_uri="
                + encode("http://localhost:8086/signed-out") + "&state=bye");
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).contains("http://localhost:8086/signed-out?state=bye");

        HttpResponse<String> foreign =
                get(idp.authServerUrl() + "/logout?post_logout_redirect_uri=" + encode("https://evil.example/"));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> plain = get(idp.authServerUrl() + "/logout");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).contains("You are signed out");
    }

    @Test
    void stoppedItRefusesConnectionsAndStartedItServesAgainOnTheSamePort() throws Exception {
        // Its own instance and client: a restart leaves pooled connections to the old server dead.
        IdentityStandIn own = IdentityStandIn.startEmbedded(0, keys, List.of(OidcClient.console()));
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest jwks = HttpRequest.newBuilder(URI.create(own.authServerUrl() + "/jwks"))
                    .build();
            own.stop();
            assertThat(own.running()).isFalse();
            assertThatThrownBy(() -> client.send(jwks, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.net.ConnectException.class);

            own.start();
            assertThat(client.send(jwks, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        } finally {
            own.close();
        }
    }

    // --- a browser and a client, by hand ---

    /** Signs in as {@code erin} (moderator) through the form; the code. */
    private static String signIn(String redirectUri, String challenge) throws Exception {
        Map<String, List<String>> form = hiddenFields(
                get(authorizeUrl(redirectUri, "s", null, challenge)).body());
        form.put("username", List.of("erin"));
        form.put("role", List.of(Roles.MODERATOR));
        return codeFrom(post(idp.authServerUrl() + "/authorize", form, null));
    }

    private static String codeFrom(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return query(URI.create(response.headers().firstValue("Location").orElseThrow()))
                .get("code");
    }

    private static HttpResponse<String> exchange(String code, String redirectUri, String verifier, String authorization)
            throws Exception {
        return post(idp.authServerUrl() + "/token", tokenForm(code, redirectUri, verifier), authorization);
    }

    private static Map<String, List<String>> tokenForm(String code, String redirectUri, String verifier) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("grant_type", List.of("authorization_code"));
        form.put("code", List.of(code));
        form.put("redirect_uri", List.of(redirectUri));
        if (verifier != null) {
            form.put("code_verifier", List.of(verifier));
        }
        return form;
    }

    private static String authorizeUrl(String redirectUri, String state, String nonce, String challenge) {
        StringBuilder url =
                new StringBuilder(idp.authServerUrl() + "/authorize?response_type=code&client_id=console&scope=openid");
        url.append("&redirect_uri=").append(encode(redirectUri));
        if (state != null) {
            url.append("&state=").append(encode(state));
        }
        if (nonce != null) {
            url.append("&nonce=").append(encode(nonce));
        }
        if (challenge != null) {
            url.append("&code_challenge=").append(challenge).append("&code_challenge_method=S256");
        }
        return url.toString();
    }

    /** The sign-in form's hidden fields, as a browser would send them back. */
    private static Map<String, List<String>> hiddenFields(String html) {
        String signInForm = html.substring(html.indexOf("id=\"sign-in-form\""), html.indexOf("id=\"presets\""));
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(signInForm);
        while (hidden.find()) {
            fields.put(unescape(hidden.group(1)), List.of(unescape(hidden.group(2))));
        }
        assertThat(fields).containsKeys("client_id", "redirect_uri", "response_type");
        return fields;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, Map<String, List<String>> form, String authorization)
            throws Exception {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, values) -> values.forEach(value -> pairs.add(encode(name) + "=" + encode(value))));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String kidOf(String jwt) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(jwt);
        return jws.getKeyIdHeaderValue();
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error").asText();
    }

    private static String basic(String id, String secret) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((encode(id) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
    }

    private static String verifier() {
        return UUID.randomUUID() + "-" + UUID.randomUUID();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
