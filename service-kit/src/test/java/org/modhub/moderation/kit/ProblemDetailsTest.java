package org.modhub.moderation.kit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.modhub.moderation.devstack.test.TestTokens.token;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;

/** Every error kind comes back as application/problem+json with a stable type and the field named. */
@QuarkusTest
class ProblemDetailsTest {

    private static final String NOTES = "/kit-test/notes";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void invalidFieldsAreNamed() {
        post("{\"text\":\"\",\"priority\":9,\"links\":[\"ftp://x\"]}", token("alice", "user"))
                .statusCode(400)
                .body("type", equalTo("urn:modhub:problem:validation"))
                .body("errors.field", hasItem("text"))
                .body("errors.field", hasItem("priority"))
                .body("errors.field", hasItem("links[0]"))
                .body("errors.find { it.field == 'links[0]' }.message", equalTo("must be an http(s) URL"));
    }

    @Test
    void validationInsideUniChainIsAProblemToo() {
        given().auth()
                .oauth2(token("alice", "user"))
                .contentType(ContentType.JSON)
                .body("{\"text\":\"\",\"priority\":1}")
                .post(NOTES + "/checked")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:validation"))
                .body("errors.field", hasItem("text"));
    }

    @Test
    void invalidQueryParameterIsNamed() {
        given().get(NOTES + "/page?limit=1000")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void aBodyWithoutContentTypeIsRefusedLikeAWrongOne() throws Exception {
        // A page on another site can send a body without a type and no CORS preflight; it must not be read as JSON.
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port + NOTES))
                                .header("Authorization", "Bearer " + token("alice", "user"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"text\":\"hi\",\"priority\":1}"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(415);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type ->
                        org.assertj.core.api.Assertions.assertThat(type).startsWith("application/problem+json"));
        org.assertj.core.api.Assertions.assertThat(response.body())
                .contains("urn:modhub:problem:unsupported-media-type");
    }

    @Test
    void unknownFieldIsRejectedByName() {
        post("{\"text\":\"hi\",\"priority\":1,\"isAdmin\":true}", token("alice", "user"))
                .statusCode(400)
                .body("type", equalTo("urn:modhub:problem:unknown-field"))
                .body("errors[0].field", equalTo("isAdmin"));
    }

    @Test
    void malformedJsonSaysWhere() {
        post("{\"text\": \"hi\", ", token("alice", "user"))
                .statusCode(400)
                .body("type", equalTo("urn:modhub:problem:malformed-body"));
    }

    @Test
    void wrongTypeAndUnknownEnumAreNamed() {
        post("{\"text\":\"hi\",\"priority\":\"high\"}", token("alice", "user"))
                .statusCode(400)
                .body("errors[0].field", equalTo("priority"));
        post("{\"text\":\"hi\",\"priority\":1,\"kind\":\"SHOUTING\"}", token("alice", "user"))
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("PLAIN, URGENT"));
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"text\":\"" + "x".repeat(20_000) + "\",\"priority\":1}";
        post(big, token("alice", "user")).statusCode(413).body("type", equalTo("urn:modhub:problem:payload-too-large"));
    }

    @Test
    void missingOrBadTokensAre401() {
        post("{\"text\":\"hi\",\"priority\":1}", null)
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:modhub:problem:unauthenticated"));
        post("{\"text\":\"hi\",\"priority\":1}", "not-a-jwt")
                .statusCode(401)
                .body("type", equalTo("urn:modhub:problem:unauthenticated"));
        String expired = Jwt.subject("alice")
                .groups(Set.of("user"))
                .issuedAt(System.currentTimeMillis() / 1000 - 7200)
                .expiresIn(Duration.ofSeconds(1))
                .expiresAt(System.currentTimeMillis() / 1000 - 3600)
                .sign();
        post("{\"text\":\"hi\",\"priority\":1}", expired).statusCode(401);
        String foreignIssuer = Jwt.issuer("https://evil.example")
                .subject("alice")
                .groups(Set.of("user"))
                .sign();
        post("{\"text\":\"hi\",\"priority\":1}", foreignIssuer).statusCode(401);
    }

    @Test
    void forgedTokensAre401() throws Exception {
        String body = "{\"text\":\"hi\",\"priority\":1}";
        // Unsigned: header {"alg":"none"} with otherwise perfect claims.
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String claims =
                "{\"iss\":\"https://hub.localhost/auth\",\"aud\":\"moderation-suite\",\"sub\":\"alice\",\"upn\":\"alice\","
                        + "\"groups\":[\"user\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        String unsigned = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "."
                + b64.encodeToString(claims.getBytes()) + ".";
        post(body, unsigned).statusCode(401).body("type", equalTo("urn:modhub:problem:unauthenticated"));

        // Signed with a key the services do not trust.
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String foreignKey = Jwt.subject("alice")
                .groups(Set.of("user"))
                .sign(generator.generateKeyPair().getPrivate());
        post(body, foreignKey).statusCode(401);

        // Algorithm confusion: HS256 with the public key as the shared secret.
        String publicPem = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("mp.jwt.verify.publickey", String.class);
        String confused = Jwt.subject("alice").groups(Set.of("user")).signWithSecret(publicPem);
        post(body, confused).statusCode(401);

        // Right key, issuer and time, but issued for another audience.
        String otherAudience = Jwt.audience("another-suite")
                .subject("alice")
                .groups(Set.of("user"))
                .sign();
        post(body, otherAudience).statusCode(401);

        // The control: the same request with a genuine token is accepted.
        post(body, token("alice", "user")).statusCode(200);
    }

    @Test
    void wrongRoleIs403() {
        given().auth()
                .oauth2(token("alice", "user"))
                .get(NOTES + "/staff-only")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:forbidden"));
    }

    @Test
    void someoneElsesObjectLooksMissing() {
        given().auth()
                .oauth2(token("mallory", "user"))
                .get(NOTES + "/owned/alice")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("alice", "user"))
                .get(NOTES + "/owned/alice")
                .then()
                .statusCode(200)
                .body("owner", equalTo("alice"));
        given().auth()
                .oauth2(token("mod", "moderator"))
                .get(NOTES + "/owned/alice")
                .then()
                .statusCode(200);
    }

    @Test
    void frameworkErrorsAreProblemsToo() {
        given().auth()
                .oauth2(token("alice", "user"))
                .get("/kit-test/nowhere")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:not-found"));
        given().auth()
                .oauth2(token("alice", "user"))
                .delete(NOTES)
                .then()
                .statusCode(405)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("alice", "user"))
                .contentType(ContentType.XML)
                .body("<note/>")
                .post(NOTES)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("alice", "user"))
                .get(NOTES + "/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void domainProblemsKeepTheirStatus() {
        given().auth()
                .oauth2(token("alice", "user"))
                .get(NOTES + "/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
        given().auth()
                .oauth2(token("alice", "user"))
                .contentType("application/json")
                .post(NOTES + "/conflict")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:modhub:problem:conflict"));
    }

    @Test
    void aServiceProblemCarriesItsOwnMembersAndHeaders() {
        given().auth()
                .oauth2(token("alice", "user"))
                .contentType("application/json")
                .post(NOTES + "/too-often")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "90")
                .body("type", equalTo("urn:modhub:problem:note-rate-limited"))
                .body("detail", equalTo("Too many notes this hour"))
                .body("retryAfterSeconds", equalTo(90))
                .body("limit", equalTo(10))
                .body("instance", equalTo("/kit-test/notes/too-often"));
    }

    @Test
    void unexpectedErrorsLeakNothing() {
        given().get(NOTES + "/boom")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:internal"))
                .body("detail", containsString("reference"))
                .body(not(containsString("hunter2")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at org.")));
    }

    @Test
    void validRequestSucceeds() {
        post("{\"text\":\"hello\",\"priority\":2,\"links\":[\"https://hub.localhost/x\"]}", token("alice", "user"))
                .statusCode(200)
                .body("id", notNullValue());
    }

    private static ValidatableResponse post(String body, String token) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.post(NOTES).then().contentType(containsString("json"));
    }
}
