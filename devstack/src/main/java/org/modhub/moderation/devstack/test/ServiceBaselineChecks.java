package org.modhub.moderation.devstack.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * What every service must show before it has any business endpoint: it starts against the real
 * PostgreSQL and Kafka, migrates its own database, reports readiness on both, serves its OpenAPI
 * document, Swagger UI and Prometheus metrics, and answers unknown paths with problem details.
 * Each service's test extends this with its name; the checks are written once.
 */
public abstract class ServiceBaselineChecks {

    /** The service's application name, e.g. {@code reporting-service}. */
    protected abstract String applicationName();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
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
        try (Connection c = DriverManager.getConnection(url,
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_database(), "
                        + "(SELECT count(*) FROM flyway_schema_history WHERE success), "
                        + "to_regclass('kit_outbox') IS NOT NULL, to_regclass('kit_timer') IS NOT NULL, "
                        + "to_regclass('kit_processed_event') IS NOT NULL")) {
            assertThat(rs.next()).isTrue();
            assertThat(applicationName()).startsWith(rs.getString(1));
            assertThat(rs.getLong(2)).isPositive();
            assertThat(rs.getBoolean(3)).as("kit_outbox exists").isTrue();
            assertThat(rs.getBoolean(4)).as("kit_timer exists").isTrue();
            assertThat(rs.getBoolean(5)).as("kit_processed_event exists").isTrue();
        }
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo(applicationName() + " API"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kit_outbox_pending"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownPathsAreProblemDetails() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:not-found"));
    }
}
