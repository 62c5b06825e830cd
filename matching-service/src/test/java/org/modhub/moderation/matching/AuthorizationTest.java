package org.modhub.moderation.matching;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.modhub.moderation.matching.MatchingFixtures.as;
import static org.modhub.moderation.matching.MatchingFixtures.hub;
import static org.modhub.moderation.matching.MatchingFixtures.randomSha;
import static org.modhub.moderation.matching.MatchingFixtures.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Only the hub's own identity checks uploads; staff read the bank; a bad check names the field. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "matching"))
class AuthorizationTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void onlyTheHubMayCheckAnUploadNotEvenAnAdmin() {
        var body = upload("model:acme/fresh-upload", List.of(List.of("m.bin", randomSha())), List.of());
        hub().body(body).post("/api/v1/uploads/check").then().statusCode(200).body("verdict", equalTo("ACCEPT"));
        for (String role : List.of("user", "moderator", "senior-moderator", "legal", "admin", "auditor", "detector")) {
            as("someone", role)
                    .body(body)
                    .post("/api/v1/uploads/check")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/uploads/check")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }

    @Test
    void staffAndAuditorsReadTheBankTheHubDoesNot() {
        for (String role : List.of("moderator", "legal", "admin", "auditor")) {
            as("staff", role).get("/api/v1/bank/stats").then().statusCode(200);
        }
        as("hub", "hub").get("/api/v1/bank/stats").then().statusCode(403);
        as("u", "user").get("/api/v1/bank/hashes/" + randomSha()).then().statusCode(403);
        as("m", "moderator").get("/api/v1/bank/hashes/not-a-hash").then().statusCode(404);
    }

    @Test
    void onlyTheImportPathTakesLargeBodies() {
        // 3 MB: over the 2M every endpoint keeps, under the 64M of list imports.
        String padding = "x".repeat(3_000_000);
        hub().body("{\"repository\":\"model:acme/big\",\"files\":[],\"padding\":\"" + padding + "\"}")
                .post("/api/v1/uploads/check")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:payload-too-large"));
        // The same size of CSV reaches the import, which reads it and names the bad line.
        as("legal-1", "legal")
                .contentType("text/csv")
                .body("signal_type,signal,source,reason,verdict\nsha256," + padding + ",list,reason,REFUSE\n")
                .post("/api/v1/bank/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("line", equalTo(2));
    }

    @Test
    void aBadCheckNamesEveryBadField() {
        List<Map<String, String>> files = new ArrayList<>();
        files.add(Map.of("path", "a.bin", "sha256", randomSha()));
        files.add(Map.of("path", "b.bin", "sha256", randomSha()));
        files.add(Map.of("path", "a.bin", "sha256", randomSha()));
        files.add(Map.of("path", "d.bin", "sha256", "xyz"));
        files.add(Map.of("path", "e.bin", "sha256", "g" + randomSha().substring(1)));
        files.add(Map.of("path", "f.bin", "sha256", randomSha().substring(1)));
        files.add(Map.of("path", "g.bin", "sha256", randomSha().toUpperCase(java.util.Locale.ROOT)));
        hub().body(Map.of(
                        "repository",
                        "account:mallory",
                        "files",
                        files,
                        "baseModels",
                        List.of("acme/atlas-7b", "not a model")))
                .post("/api/v1/uploads/check")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("repository"))
                .body("errors.field", hasItem("files[2].path"))
                .body("errors.field", hasItem("files[3].sha256"))
                .body("errors.field", hasItem("files[4].sha256"))
                .body("errors.field", hasItem("files[5].sha256"))
                .body("errors.field", not(hasItem("files[6].sha256")))
                .body("errors.field", hasItem("baseModels[1]"));
    }

    @Test
    void moreFilesThanAllowedAreRefused() {
        List<Map<String, String>> files = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            files.add(Map.of("path", "f" + i, "sha256", "0".repeat(64)));
        }
        hub().body(Map.of("repository", "model:acme/many", "files", files))
                .post("/api/v1/uploads/check")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("files"));
    }
}
