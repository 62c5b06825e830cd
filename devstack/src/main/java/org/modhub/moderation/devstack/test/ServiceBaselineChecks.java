package org.modhub.moderation.devstack.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/**
 * What every service must show before it has any business endpoint: it starts against the real
 * PostgreSQL and Kafka, migrates its own database, reports readiness on both, serves its OpenAPI
 * document, Swagger UI and Prometheus metrics, and answers unknown paths with problem details.
 * It also withstands the hostile input every service meets alike: forged, expired and misdirected
 * tokens are a 401 on a protected endpoint, and an oversized body is a 413 in problem details on
 * every write endpoint, after which the service goes on serving. Every {@link Mistake} a caller can
 * make gets the one answer listed there. Each service's test extends this with its name, one
 * protected call, its write endpoints and the endpoints that take the mistakes; the checks are
 * written once.
 */
public abstract class ServiceBaselineChecks {

    /** The service's application name, e.g. {@code reporting-service}. */
    protected abstract String applicationName();

    /**
     * A call only a signed-in caller may make, with a role that may make it; a genuine token for that
     * role must get past authentication (the control), every forged one must be a 401.
     */
    protected abstract Call protectedCall();

    /** Every endpoint that reads a JSON body, with a role allowed on it (none: public). */
    protected abstract List<Call> writeEndpoints();

    /** Where the body mistakes go: an endpoint that reads a JSON object, a role allowed on it, and one text field of it. */
    protected abstract BodyCall bodyCall();

    /** Where the id mistakes go: a GET of one object, {@code {id}} in its path where the id goes, and a role allowed on it. */
    protected abstract Call idCall();

    /** Where the access mistakes go: a GET only staff may make, and a staff role allowed on it. */
    protected abstract Call staffCall();

    /** Every list the service pages (by {@code cursor} and {@code limit}), with a role allowed on it (none: public). */
    protected abstract List<Call> pagedLists();

    /** One endpoint: method, path (with ids filled in) and a role allowed on it, or {@code null} for a public one. */
    public record Call(String method, String path, String role) {

        public static Call get(String path, String role) {
            return new Call("GET", path, role);
        }

        public static Call post(String path, String role) {
            return new Call("POST", path, role);
        }

        public static Call put(String path, String role) {
            return new Call("PUT", path, role);
        }

        @Override
        public String toString() {
            return method + " " + path + (role == null ? "" : " as " + role);
        }
    }

    /**
     * An endpoint that reads a JSON object with the text field {@code textField}; {@code required}: whether it
     * refuses a request without a body (a body-optional service has no {@link Mistake#MISSING_BODY} to make).
     */
    public record BodyCall(Call call, String textField, boolean required) {

        public static BodyCall required(Call call, String textField) {
            return new BodyCall(call, textField, true);
        }

        public static BodyCall optional(Call call, String textField) {
            return new BodyCall(call, textField, false);
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        JsonPath health =
                given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("status")).isEqualTo("UP");
        List<String> checks = health.getList("checks.name", String.class);
        assertThat(checks).anySatisfy(name -> assertThat(name).containsIgnoringCase("postgresql"));
        assertThat(checks).anySatisfy(name -> assertThat(name).containsIgnoringCase("kafka"));
        assertThat(health.getList("checks.status", String.class)).containsOnly("UP");
    }

    @Test
    void ownDatabaseIsMigrated() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(
                        url,
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getOptionalValue("quarkus.datasource.password", String.class)
                                .orElse(""));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_database(), "
                        + "(SELECT count(*) FROM flyway_schema_history WHERE success), "
                        + "to_regclass('kit_outbox') IS NOT NULL, to_regclass('kit_timer') IS NOT NULL, "
                        + "to_regclass('kit_processed_event') IS NOT NULL, to_regclass('kit_audit_log') IS NOT NULL")) {
            assertThat(rs.next()).isTrue();
            assertThat(applicationName()).startsWith(rs.getString(1));
            assertThat(rs.getLong(2)).isPositive();
            assertThat(rs.getBoolean(3)).as("kit_outbox exists").isTrue();
            assertThat(rs.getBoolean(4)).as("kit_timer exists").isTrue();
            assertThat(rs.getBoolean(5)).as("kit_processed_event exists").isTrue();
            assertThat(rs.getBoolean(6)).as("kit_audit_log exists").isTrue();
        }
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo(applicationName() + " API"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("kit_outbox_pending"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void everyMistakeGetsTheOneAnswerListed() throws IOException, InterruptedException {
        List<String> wrong = new ArrayList<>();
        List<Mistake> made = new ArrayList<>();
        int asListed = 0;
        try (MistakeRequests requests =
                new MistakeRequests(bodyCall(), idCall(), staffCall(), pagedLists(), bodyLimit())) {
            for (Mistake mistake : Mistake.values()) {
                if (!requests.applies(mistake)) {
                    continue;
                }
                made.add(mistake);
                List<String> differences = requests.check(mistake);
                wrong.addAll(differences);
                asListed += differences.isEmpty() ? 1 : 0;
            }
        }
        System.out.printf(
                "Mistakes made at %s: %d of %d (%s), answered as listed: %d%n",
                applicationName(), made.size(), Mistake.values().length, made, asListed);
        assertThat(wrong).as("answers that differ from the one Mistake lists").isEmpty();
    }

    // --- JWT attacks ---

    @Test
    void forgedExpiredAndMisdirectedTokensAre401() throws NoSuchAlgorithmException {
        Call call = protectedCall();
        assertThat(call.role()).as("protectedCall() needs a role").isNotNull();
        Config config = ConfigProvider.getConfig();
        String issuer = config.getValue("mp.jwt.verify.issuer", String.class);
        String audience = config.getValue("mp.jwt.verify.audiences", String.class)
                .split(",")[0]
                .strip();
        String subject = "attacker-" + UUID.randomUUID().toString().substring(0, 8);
        long now = System.currentTimeMillis() / 1000;

        // The control: the same claims, properly signed, get past authentication.
        Response genuine = send(call, token(subject, call.role(), issuer, audience, now, now + 600));
        assertThat(genuine.statusCode())
                .as("%s with a genuine token", call)
                .isNotIn(401, 403)
                .isLessThan(500);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + subject
                + "\",\"upn\":\"" + subject + "\",\"groups\":[\"" + call.role() + "\"],\"iat\":" + now + ",\"exp\":"
                + (now + 600) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        String genuineSignature = genuineSignatureOf(token(subject, call.role(), issuer, audience, now, now + 600));

        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("no token", null);
        attacks.put("not a JWT", "not-a-jwt");
        attacks.put(
                "alg none, no signature",
                b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                        + signingInput + ".");
        attacks.put(
                "alg none, with a genuine token's signature",
                b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                        + signingInput + "." + genuineSignature);
        attacks.put(
                "signed with a foreign key",
                claims(subject, call.role(), issuer, audience, now, now + 600)
                        .sign(generator.generateKeyPair().getPrivate()));
        attacks.put(
                "HS256 with the public key as secret",
                claims(subject, call.role(), issuer, audience, now, now + 600)
                        .signWithSecret(config.getOptionalValue("mp.jwt.verify.publickey", String.class)
                                .orElse("public-key")));
        attacks.put("expired an hour ago", token(subject, call.role(), issuer, audience, now - 7200, now - 3600));
        attacks.put(
                "not yet valid",
                claims(subject, call.role(), issuer, audience, now + 3600, now + 7200)
                        .claim("nbf", now + 3600)
                        .sign());
        attacks.put("wrong issuer", token(subject, call.role(), "https://evil.example/auth", audience, now, now + 600));
        attacks.put("wrong audience", token(subject, call.role(), issuer, "another-suite", now, now + 600));
        attacks.put(
                "claims changed after signing",
                tamper(token(subject, "user", issuer, audience, now, now + 600), claims));

        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            Response response = send(call, attack.getValue());
            assertThat(response.statusCode())
                    .as("%s with a token %s", call, attack.getKey())
                    .isEqualTo(401);
            assertThat(response.contentType())
                    .as("%s: %s", call, attack.getKey())
                    .startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:modhub:problem:unauthenticated");
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        System.out.printf(
                "JWT attacks on %s %s: sent %d, rejected with 401: %d (%s); genuine token: %d%n",
                applicationName(),
                call,
                attacks.size(),
                attacks.size(),
                String.join(", ", attacks.keySet()),
                genuine.statusCode());
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(
            String subject, String role, String issuer, String audience, long issuedAt, long expiresAt) {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .claim("email", subject + "@example.org")
                .issuedAt(issuedAt)
                .expiresAt(expiresAt);
    }

    private static String token(
            String subject, String role, String issuer, String audience, long issuedAt, long expiresAt) {
        return claims(subject, role, issuer, audience, issuedAt, expiresAt).sign();
    }

    private static String genuineSignatureOf(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }

    /** A genuine token whose payload is swapped for other claims, keeping header and signature. */
    private static String tamper(String jwt, String claims) {
        String[] parts = jwt.split("\\.");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    private static Response send(Call call, String token) {
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (!call.method().equals("GET")) {
            request = request.body("{}");
        }
        return request.request(call.method(), call.path());
    }

    // --- oversized bodies ---

    /**
     * The body limit of the write endpoints ({@code kit.http.body-limit}): 256 KiB unless a service needs more for
     * a request it serves (matching-service's upload check of thousands of files).
     */
    protected int bodyLimit() {
        return 256 * 1024;
    }

    /**
     * Where the HTTP layer cuts off a chunked body ({@code quarkus.http.limits.max-body-size}): the body limit unless
     * the service lets one path ({@code kit.http.large-body-paths}) send more.
     */
    protected long httpLayerLimit() {
        return bodyLimit();
    }

    @Test
    void oversizedBodiesAre413OnEveryWriteEndpoint() {
        List<Call> writes = writeEndpoints();
        assertThat(writes).as("writeEndpoints()").isNotEmpty();
        int oversized = bodyLimit() + 44 * 1024;
        String big = "{\"explanation\":\"" + "x".repeat(oversized) + "\"}";
        for (Call call : writes) {
            var request = given().contentType(ContentType.JSON).body(big);
            if (call.role() != null) {
                request = request.auth()
                        .oauth2(TestTokens.token(
                                "big-" + UUID.randomUUID().toString().substring(0, 8), call.role()));
            }
            request.request(call.method(), call.path())
                    .then()
                    .statusCode(413)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:modhub:problem:payload-too-large"))
                    .body("status", equalTo(413));
            // Refused before it was read: the service goes on answering, with the ordinary validation
            // of the same endpoint for a small body.
            var small = given().contentType(ContentType.JSON).body("[]");
            if (call.role() != null) {
                small = small.auth()
                        .oauth2(TestTokens.token(
                                "small-" + UUID.randomUUID().toString().substring(0, 8), call.role()));
            }
            int status = small.request(call.method(), call.path())
                    .then()
                    .contentType("application/problem+json")
                    .extract()
                    .statusCode();
            assertThat(status)
                    .as("%s with a small malformed body after a 413", call)
                    .isBetween(400, 499)
                    .isNotEqualTo(413);
        }
        System.out.printf(
                "Oversized bodies on %s: sent %d (%d KiB each), rejected with 413: %d%n",
                applicationName(), writes.size(), oversized / 1024, writes.size());
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIsRefused() throws IOException, InterruptedException {
        Call call = writeEndpoints().get(0);
        long chunked = 2 * httpLayerLimit() + 88 * 1024;
        // No Content-Length: the body streams until the HTTP layer cuts it off. An object opened and
        // then only whitespace, so a JSON parser reading as it streams finds no error before the end.
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + call.path()))
                .header("Content-Type", "application/json")
                .method(call.method(), HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    private long left = chunked;

                    @Override
                    public int read() {
                        long at = chunked - left--;
                        return at == 0 ? '{' : left >= 0 ? ' ' : -1;
                    }
                }))
                .timeout(Duration.ofSeconds(30));
        if (call.role() != null) {
            request.header(
                    "Authorization",
                    "Bearer "
                            + TestTokens.token(
                                    "chunked-" + UUID.randomUUID().toString().substring(0, 8), call.role()));
        }
        HttpResponse<String> response = null;
        // The service answers 413 and closes while the client is still sending; now and then the close resets the
        // connection before the client has read the answer (a TCP reset discards what was received), which the
        // client reports as "received no bytes". That is the transport's race, not the service's answer, so the
        // answer is asked for up to three times, and it must be a 413 when it is read.
        for (int attempt = 1; response == null; attempt++) {
            try (HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException reset) {
                if (attempt == 3) {
                    throw reset;
                }
            }
        }
        assertThat(response.statusCode())
                .as("%s with a chunked body of %d KiB", call, chunked / 1024)
                .isEqualTo(413);
        // A blocking endpoint's body stream ends the exchange itself with a bare 413 and closes the
        // connection (Quarkus REST); where there is a body, it is problem details.
        if (!response.body().isEmpty()) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("urn:modhub:problem:payload-too-large");
        }
    }

    // --- bodies without a media type, the audit log ---

    @Test
    void aBodyWithoutContentTypeIs415OnEveryWriteEndpoint() throws IOException, InterruptedException {
        // What a page on another site can send without a CORS preflight: never read as JSON.
        List<Call> writes = writeEndpoints();
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (Call call : writes) {
                HttpRequest.Builder request = HttpRequest.newBuilder(
                                URI.create(RestAssured.baseURI + ":" + RestAssured.port + call.path()))
                        .method(call.method(), HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}"))
                        .timeout(Duration.ofSeconds(30));
                if (call.role() != null) {
                    request.header(
                            "Authorization",
                            "Bearer "
                                    + TestTokens.token(
                                            "untyped-"
                                                    + UUID.randomUUID()
                                                            .toString()
                                                            .substring(0, 8),
                                            call.role()));
                }
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode())
                        .as("%s with a body and no Content-Type", call)
                        .isEqualTo(415);
                assertThat(response.body()).as("%s", call).contains("urn:modhub:problem:unsupported-media-type");
            }
        }
        System.out.printf(
                "Bodies without Content-Type on %s: sent %d, refused with 415: %d%n",
                applicationName(), writes.size(), writes.size());
    }

    @Test
    void theAuditLogIsReadByAuditorsOnly() {
        given().get("/api/v1/audit-log").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.token("curious-user", "user"))
                .get("/api/v1/audit-log")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.token("audrey", "auditor"))
                .get("/api/v1/audit-log")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON);
    }
}
