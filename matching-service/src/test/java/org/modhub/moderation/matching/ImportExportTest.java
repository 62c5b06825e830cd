package org.modhub.moderation.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.modhub.moderation.matching.MatchingFixtures.as;
import static org.modhub.moderation.matching.MatchingFixtures.hub;
import static org.modhub.moderation.matching.MatchingFixtures.importCsv;
import static org.modhub.moderation.matching.MatchingFixtures.randomSha;
import static org.modhub.moderation.matching.MatchingFixtures.sha;
import static org.modhub.moderation.matching.MatchingFixtures.upload;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Hash lists in and out: atomic imports, line-and-column problems, withdrawal, the audit, the round trip. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "matching"))
class ImportExportTest {

    static final String HEADER = "signal_type,signal,source,reason,verdict\r\n";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anImportedListHoldsUploadsForReviewAndTheImportIsAudited() {
        String list = "hub-b-" + UUID.randomUUID();
        String held = randomSha();
        String refused = randomSha();
        String csv = HEADER
                + "sha256," + held + "," + list + ",\"Leaked weights, per their notice\",\r\n"
                + "sha256," + refused.toUpperCase() + "," + list + ",CSAM classifier,REFUSE\r\n"
                + "sha256," + held + "," + list + ",\"Leaked weights, per their notice\",\r\n";

        Response created = importCsv("legal-1", csv);

        created.then()
                .statusCode(201)
                .body("rows", equalTo(3))
                .body("newHashes", equalTo(2))
                .body("alreadyBanked", equalTo(0))
                .body("importedBy", equalTo("legal-1"))
                .body("bodySha256", equalTo(sha(csv)));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/bank/imports/" + id);
        hub().body(upload(
                        "model:" + MatchingFixtures.freshNamespace() + "/m",
                        List.of(List.of("a.bin", held), List.of("b.bin", refused)),
                        List.of()))
                .post("/api/v1/uploads/check")
                .then()
                .statusCode(200)
                .body("verdict", equalTo("REFUSE"))
                .body("files[0].verdict", equalTo("HOLD_FOR_REVIEW"))
                .body("files[0].match.listSource", equalTo(list))
                .body("files[0].match.reason", equalTo("Leaked weights, per their notice"))
                .body("files[0].match.decisionId", equalTo(null))
                .body("files[1].verdict", equalTo("REFUSE"));
        as("auditor-1", "auditor")
                .get("/api/v1/bank/imports/" + id)
                .then()
                .statusCode(200)
                .body("rows", equalTo(3));
        as("auditor-1", "auditor")
                .queryParam("entityId", id)
                .get("/api/v1/audit-log")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("bank.import"))
                .body("items.actor", hasItem("legal-1"));

        as("admin-1", "admin").delete("/api/v1/bank/imports/" + id).then().statusCode(200);

        hub().body(upload(
                        "model:" + MatchingFixtures.freshNamespace() + "/m",
                        List.of(List.of("a.bin", held)),
                        List.of()))
                .post("/api/v1/uploads/check")
                .then()
                .statusCode(200)
                .body("verdict", equalTo("ACCEPT"));
        as("auditor-1", "auditor")
                .queryParam("entityId", id)
                .get("/api/v1/audit-log")
                .then()
                .body("items.action", hasItem("bank.withdraw-import"))
                .body("items.actor", hasItem("admin-1"));
    }

    @Test
    void aBadRowRefusesTheWholeListNamingLineAndColumn() {
        String good = randomSha();
        String csv = HEADER
                + "sha256," + good + ",hub-c,Leaked,\r\n"
                + "sha256,not-a-hash,hub-c,Leaked,\r\n"
                + "md5," + randomSha() + ",hub-c,Leaked,MAYBE\r\n";

        importCsv("legal-2", csv)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("line", equalTo(3))
                .body("column", equalTo(2))
                .body("errors.field", hasItem("line 3, column 2 (signal)"))
                .body("errors.field", hasItem("line 4, column 1 (signal_type)"))
                .body("errors.field", hasItem("line 4, column 5 (verdict)"));

        as("mod-1", "moderator").get("/api/v1/bank/hashes/" + good).then().statusCode(404);
    }

    @Test
    void aWrongHeaderOrAnUnclosedQuoteIsRefused() {
        importCsv("legal-2", "hash,source\r\n" + randomSha() + ",x\r\n")
                .then()
                .statusCode(400)
                .body("line", equalTo(1));
        importCsv("legal-2", HEADER + "sha256," + randomSha() + ",\"hub-d,Leaked,\r\n")
                .then()
                .statusCode(400)
                .body("line", equalTo(2))
                .body("column", equalTo(3));
    }

    @Test
    void anExportImportedIntoAnEmptyBankExportsTheSameRows() {
        String list = "hub-e-" + UUID.randomUUID();
        String csv = HEADER
                + "sha256," + randomSha() + "," + list + ",\"Reason with \"\"quotes\"\", and a comma\",REFUSE\r\n"
                + "sha256," + randomSha() + "," + list + ",Plain reason,\r\n"
                + "sha256," + randomSha() + "," + list + "-other,Plain reason,HOLD_FOR_REVIEW\r\n";
        String first =
                importCsv("legal-3", csv).then().statusCode(201).extract().path("id");
        Set<String> exported = rowsOf(export(), list);
        assertThat(exported).hasSize(3);

        // Empty the bank of this list, import what was exported, export again.
        as("legal-3", "legal").delete("/api/v1/bank/imports/" + first).then().statusCode(200);
        assertThat(rowsOf(export(), list)).isEmpty();
        importCsv("legal-3", HEADER + String.join("\r\n", exported) + "\r\n")
                .then()
                .statusCode(201);

        assertThat(rowsOf(export(), list)).isEqualTo(exported);
    }

    @Test
    void onlyLegalAndAdminImportAndAuditorsMayOnlyRead() {
        String csv = HEADER + "sha256," + randomSha() + ",hub-f,Leaked,\r\n";
        RestAssured.given()
                .auth()
                .oauth2(org.modhub.moderation.devstack.test.TestTokens.token("mod-2", "moderator"))
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/bank/imports")
                .then()
                .statusCode(403);
        RestAssured.given()
                .auth()
                .oauth2(org.modhub.moderation.devstack.test.TestTokens.token("aud-2", "auditor"))
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/bank/imports")
                .then()
                .statusCode(403);
        as("aud-2", "auditor").get("/api/v1/bank/export").then().statusCode(200);
        as("user-2", "user").get("/api/v1/bank/export").then().statusCode(403);
        as("hub-2", "hub").get("/api/v1/bank/imports").then().statusCode(403);
    }

    private static String export() {
        return as("auditor-1", "auditor")
                .queryParam("origin", "imports")
                .get("/api/v1/bank/export")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
    }

    /** The exported rows of one list (and its "-other" sibling). */
    private static Set<String> rowsOf(String export, String list) {
        assertThat(export).startsWith("signal_type,signal,source,reason,verdict");
        return Arrays.stream(export.split("\r\n"))
                .filter(line -> line.contains("," + list))
                .collect(Collectors.toSet());
    }
}
