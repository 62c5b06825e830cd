package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.dsa.StatementValidator;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.Sql;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * DSA Art. 17(3)(d), (e): a decision on illegal content names the provision of law relied on, one on incompatible
 * content the policy's clause and version; the Transparency Database statement carries both, never the placeholder.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class LegalGroundTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A claimed case on a phishing report (a subcategory that alleges illegal content). */
    private String phishingCase(SubjectRef model) {
        sendReport(report(
                model, PolicyCategory.FRAUDULENT_OR_MALICIOUS, PolicySubcategory.PHISHING, false, newUser("reporter")));
        return claim(awaitCase(db, model, 1), "mia");
    }

    private static Map<String, Object> phishingDecision() {
        Map<String, Object> body = decisionBody(List.of("UNRANK"), "fraudulent_or_malicious", "phishing");
        body.put("facts", "The model card links a page that imitates a bank's login form.");
        body.put("explanation", "Collecting bank credentials under a false identity is phishing, a criminal offence.");
        return body;
    }

    @Test
    void anIllegalContentDecisionNamesItsProvisionAndTheDatabaseGetsItWithALinkToTheLaw() {
        Instant from = now().minusSeconds(1);
        String caseId = phishingCase(newModel());
        Map<String, Object> body = phishingDecision();
        body.put("legalProvision", "eu_directive_2019_713");
        body.put("legalGround", "§ 263a Strafgesetzbuch (Germany)");
        String decisionId = moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .body("ground", equalTo("DECISION_GROUND_ILLEGAL_CONTENT"))
                .body("statementOfReasons.legalProvision", equalTo("eu_directive_2019_713"))
                .body("statementOfReasons.illegalContentLegalGround", startsWith("Directive (EU) 2019/713, Arts. 3-7"))
                .body(
                        "statementOfReasons.illegalContentLegalGround",
                        containsString("§ 263a Strafgesetzbuch (Germany)"))
                .body("statementOfReasons.groundReferenceUrl", equalTo("https://eur-lex.europa.eu/eli/dir/2019/713/oj"))
                .extract()
                .path("id");

        JsonNode statement = statementsExported(from).get("modhub-sor-" + decisionId);
        assertThat(statement).as("exported").isNotNull();
        assertThat(new StatementValidator().validate(statement)).isEmpty();
        assertThat(statement.get("illegal_content_legal_ground").asText())
                .startsWith("Directive (EU) 2019/713")
                .doesNotContain(StatementValidator.PLACEHOLDER_GROUND);
        assertThat(statement.get("illegal_content_explanation").asText()).contains("phishing");
        assertThat(statement.get("decision_ground_reference_url").asText())
                .isEqualTo("https://eur-lex.europa.eu/eli/dir/2019/713/oj");
        assertThat(statement.has("incompatible_content_ground")).isFalse();
    }

    @Test
    void aDecisionOnIncompatibleContentNamesThePolicyClauseAndLinksThePolicyInForce() {
        String caseId = claim(newCase(db, newModel()), "mia");
        Map<String, Object> body = spamDecision(List.of("UNRANK"));
        body.put("policyClause", "restricted_content_1");
        moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .body("statementOfReasons.policyClause", equalTo("restricted_content_1"))
                .body(
                        "statementOfReasons.incompatibleContentGround",
                        equalTo(
                                "Content Policy version 2025-04-10, Restricted Content, section 1 (Unlawful or illegal Content)"))
                .body("statementOfReasons.groundReferenceUrl", equalTo("https://huggingface.co/content-policy"))
                .body("statementOfReasons.illegalContentLegalGround", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aMissingUnknownOrMisplacedProvisionIsRefusedNamingTheFieldAndNothingIsWritten() {
        String caseId = phishingCase(newModel());
        String decisions = "/api/v1/cases/" + caseId + "/decisions";

        moderator("mia")
                .body(phishingDecision())
                .post(decisions)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("legalProvision"))
                .body("errors.find { it.field == 'legalProvision' }.message", containsString("eu_directive_2019_713"));

        Map<String, Object> unknown = phishingDecision();
        unknown.put("legalProvision", "us_made_up_act");
        moderator("mia")
                .body(unknown)
                .post(decisions)
                .then()
                .statusCode(400)
                .body("errors.find { it.field == 'legalProvision' }.message", containsString("not a known provision"));

        Map<String, Object> wrongCategory = phishingDecision();
        wrongCategory.put("legalProvision", "eu_regulation_2021_784"); // terrorist content online, not fraud
        moderator("mia")
                .body(wrongCategory)
                .post(decisions)
                .then()
                .statusCode(400)
                .body(
                        "errors.find { it.field == 'legalProvision' }.message",
                        containsString("not a provision for the category"));

        Map<String, Object> otherWithoutText = phishingDecision();
        otherWithoutText.put("legalProvision", "other");
        moderator("mia")
                .body(otherWithoutText)
                .post(decisions)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("legalGround"));

        Map<String, Object> clauseOnIllegal = phishingDecision();
        clauseOnIllegal.put("legalProvision", "us_18_usc_1343");
        clauseOnIllegal.put("policyClause", "restricted_content_2");
        moderator("mia")
                .body(clauseOnIllegal)
                .post(decisions)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("policyClause"));

        Map<String, Object> provisionOnIncompatible = phishingDecision();
        provisionOnIncompatible.put("ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
        provisionOnIncompatible.put("legalProvision", "us_18_usc_1343");
        provisionOnIncompatible.put("policyClause", "restricted_content_9");
        moderator("mia")
                .body(provisionOnIncompatible)
                .post(decisions)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("legalProvision", "policyClause"));

        assertThat(Sql.count(db, "SELECT count(*) FROM decision WHERE case_id = ?::uuid", caseId))
                .isZero();
        assertThat(state(db, caseId)).isEqualTo("CLAIMED");
    }

    @Test
    void aStatementStoredWithThePlaceholderGroundIsExportedWithTheProvisionUsualForItsSubcategory() {
        Instant from = now().minusSeconds(1);
        String caseId = phishingCase(newModel());
        Map<String, Object> body = phishingDecision();
        body.put("legalProvision", "us_18_usc_1343");
        String decisionId = moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // As a decision enforced before this change stored it: no provision, the placeholder ground, and the statement
        // left to be rendered when read (what migration V20261206_1100 does to those not yet submitted).
        Sql.update(
                db,
                "UPDATE decision SET legal_provision = NULL, statement = (statement::jsonb - 'legalProvision' "
                        + "- 'groundReferenceUrl' || jsonb_build_object('illegalContentLegalGround', "
                        + "'Law relied on: Fraudulent or Malicious Activities — Phishing')) WHERE id = ?::uuid",
                decisionId);
        Sql.update(db, "UPDATE statement_submission SET statement = NULL WHERE decision_id = ?::uuid", decisionId);

        JsonNode statement = statementsExported(from).get("modhub-sor-" + decisionId);
        assertThat(statement).as("still exported").isNotNull();
        assertThat(new StatementValidator().validate(statement)).isEmpty();
        assertThat(statement.get("illegal_content_legal_ground").asText()).startsWith("Directive (EU) 2019/713");
        // The placeholder itself is what the validator refuses.
        var placeholder = statement.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) placeholder)
                .put("illegal_content_legal_ground", "Law relied on: Fraudulent or Malicious Activities — Phishing");
        assertThat(new StatementValidator().validate(placeholder))
                .anySatisfy(v -> assertThat(v.toString()).contains("illegal_content_legal_ground"));
    }
}
