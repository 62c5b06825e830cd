package org.modhub.moderation.contracts.dsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modhub.moderation.contracts.dsa.DsaContentType.*;
import static org.modhub.moderation.contracts.dsa.DsaDecisionVisibility.*;
import static org.modhub.moderation.contracts.dsa.DsaKeyword.*;
import static org.modhub.moderation.contracts.dsa.DsaStatementCategory.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.SourceType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class StatementValidatorTest {

    private static final StatementValidator VALIDATOR = new StatementValidator();
    private static final LocalDate APPLIED = LocalDate.of(2025, 7, 14);

    /** A complete statement on the hub's terms: a dataset removed after a notice. */
    static TransparencyStatement valid() {
        return TransparencyStatement.builder()
                .decisionVisibility(DECISION_VISIBILITY_CONTENT_REMOVED)
                .decisionGround(DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT)
                .decisionGroundReferenceUrl("https://hub.example/content-policy")
                .incompatibleContentGround("Content Policy, Restricted Content 2.1: hate speech")
                .incompatibleContentExplanation("The dataset card promotes hatred against a protected group.")
                .incompatibleContentIllegal(DsaYesNo.NO)
                .contentType(CONTENT_TYPE_OTHER)
                .contentTypeOther("Dataset repository")
                .category(STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH)
                .categorySpecification(KEYWORD_HATE_SPEECH)
                .territorialScope(DsaTerritories.EEA)
                .contentLanguage("EN")
                .contentDate(LocalDate.of(2024, 3, 1))
                .applicationDate(APPLIED)
                .decisionFacts("Reported by a user; a moderator reviewed the dataset card and removed the dataset.")
                .sourceType(SourceType.SOURCE_ARTICLE_16)
                .automatedDetection(false)
                .automatedDecision(AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED)
                .puid("modhub-dec-0f8e2c1a_7")
                .build();
    }

    /** The same on the illegal-content ground, with every optional attribute set. */
    static TransparencyStatement validIllegalAndFull() {
        return valid().toBuilder()
                .decisionVisibility(DECISION_VISIBILITY_CONTENT_DISABLED, DECISION_VISIBILITY_OTHER)
                .decisionVisibilityOther("Access gated behind accepted conditions")
                .decisionMonetary(DsaDecisionMonetary.DECISION_MONETARY_OTHER)
                .decisionMonetaryOther("Sponsorship payouts withheld")
                .decisionProvision(DsaDecisionProvision.DECISION_PROVISION_PARTIAL_SUSPENSION)
                .decisionAccount(DsaDecisionAccount.DECISION_ACCOUNT_SUSPENDED)
                .accountType(DsaAccountType.ACCOUNT_TYPE_PRIVATE)
                .decisionGround(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
                .illegalContentLegalGround("§ 130 StGB (Volksverhetzung)")
                .illegalContentExplanation("The card incites hatred against a national group.")
                .incompatibleContentGround(null)
                .incompatibleContentExplanation(null)
                .incompatibleContentIllegal(null)
                .contentType(CONTENT_TYPE_TEXT, CONTENT_TYPE_OTHER)
                .categoryAddition(STATEMENT_CATEGORY_VIOLENCE)
                .categorySpecification(KEYWORD_HATE_SPEECH, KEYWORD_INCITEMENT_VIOLENCE_HATRED, KEYWORD_OTHER)
                .categorySpecificationOther("Hateful dataset labels")
                .contentId(Map.of("EAN-13", "4006381333931"))
                .endDateAccountRestriction(APPLIED.plusDays(30))
                .endDateMonetaryRestriction(APPLIED)
                .endDateServiceRestriction(APPLIED.plusDays(7))
                .endDateVisibilityRestriction(LocalDate.of(2038, 1, 1))
                .sourceType(SourceType.SOURCE_TRUSTED_FLAGGER)
                .sourceIdentity("A trusted flagger designated in Germany")
                .automatedDetection(true)
                .automatedDecision(AutomatedDecision.AUTOMATED_DECISION_PARTIALLY)
                .build();
    }

    @Test
    void aCompleteStatementPasses() {
        assertThat(VALIDATOR.validate(valid())).isEmpty();
        assertThat(VALIDATOR.validate(validIllegalAndFull())).isEmpty();
        assertThat(VALIDATOR.isValid(valid())).isTrue();
    }

    @Test
    void aLegalGroundThatNamesOnlyThePolicyCategoryIsRefusedByTheHub() {
        TransparencyStatement placeholder = validIllegalAndFull().toBuilder()
                .illegalContentLegalGround("Law relied on: Harmful or Abusive Content — Hate speech")
                .build();
        assertThat(VALIDATOR.validate(placeholder)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("illegal_content_legal_ground");
            assertThat(v.rejectedByDatabase()).isFalse();
            assertThat(v.message()).contains("provision of law");
        });
    }

    @Test
    void theDocumentedExampleOfTheApiPasses() {
        // The example body of the API documentation (v2), with its v1 category replaced by a v2 one
        // and the illegal-content texts it sends along with the incompatible ground left out.
        String example = """
                {"decision_visibility":["DECISION_VISIBILITY_CONTENT_DISABLED"],
                 "decision_monetary":"DECISION_MONETARY_TERMINATION","end_date_monetary_restriction":"2023-08-08",
                 "decision_provision":"DECISION_PROVISION_TOTAL_SUSPENSION","decision_account":"DECISION_ACCOUNT_SUSPENDED",
                 "end_date_account_restriction":"2023-09-08","account_type":"ACCOUNT_TYPE_BUSINESS",
                 "decision_ground":"DECISION_GROUND_INCOMPATIBLE_CONTENT","decision_ground_reference_url":"https://www.anurl.com",
                 "content_type":["CONTENT_TYPE_VIDEO","CONTENT_TYPE_AUDIO","CONTENT_TYPE_SYNTHETIC_MEDIA"],
                 "category":"STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
                 "incompatible_content_ground":"incompatible content grounds",
                 "incompatible_content_explanation":"incompatible content explanation","incompatible_content_illegal":"Yes",
                 "territorial_scope":["PT","ES","DE"],"content_language":"EN","content_date":"2023-08-08",
                 "application_date":"2023-08-08","decision_facts":"facts about the decision",
                 "source_type":"SOURCE_TRUSTED_FLAGGER","automated_detection":"No",
                 "automated_decision":"AUTOMATED_DECISION_PARTIALLY","puid":"TK421"}""";
        assertThat(VALIDATOR.validateJson(example)).isEmpty();
        assertThat(VALIDATOR.validate(TransparencyStatement.fromJson(example))).isEmpty();
    }

    @Test
    void anEmptyStatementFailsLikeTheApiSays() {
        // The documentation's answer to {}: the four decisions and nine required fields, plus the
        // territorial scope, which the documentation (not the code) makes required.
        List<Violation> violations = VALIDATOR.validateJson("{}");
        assertThat(violations).allMatch(Violation::rejectedByDatabase);
        assertThat(StatementValidator.errorsByField(violations))
                .containsOnlyKeys(
                        "decision_visibility",
                        "decision_monetary",
                        "decision_provision",
                        "decision_account",
                        "decision_ground",
                        "content_type",
                        "category",
                        "territorial_scope",
                        "content_date",
                        "application_date",
                        "decision_facts",
                        "source_type",
                        "automated_detection",
                        "automated_decision",
                        "puid");
        assertThat(StatementValidator.errorsByField(violations).get("decision_visibility"))
                .containsExactly(
                        "The decision visibility field is required when none of decision monetary / decision provision / decision account are present.");
        assertThat(StatementValidator.errorsByField(violations).get("puid"))
                .containsExactly("The puid field is required.");
    }

    @Test
    void notAnObjectIsOneViolation() {
        assertThat(VALIDATOR.validateJson("[1,2]")).extracting(Violation::field).containsExactly("statement");
        assertThat(VALIDATOR.validateJson("{\"puid\":"))
                .extracting(Violation::field)
                .containsExactly("statement");
        assertThat(VALIDATOR.validate((TransparencyStatement) null))
                .extracting(Violation::field)
                .containsExactly("statement");
    }

    // ----- variations of a valid statement: each breaks exactly the rules it names ---------------

    record Variation(String name, UnaryOperator<TransparencyStatement.Builder> change, String field, boolean rejected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Variation rejects(String name, UnaryOperator<TransparencyStatement.Builder> change, String field) {
        return new Variation(name, change, field, true);
    }

    private static Variation hubRefuses(
            String name, UnaryOperator<TransparencyStatement.Builder> change, String field) {
        return new Variation(name, change, field, false);
    }

    private static String chars(int n) {
        return "x".repeat(n);
    }

    static Stream<Variation> brokenStatements() {
        return Stream.of(
                // required
                rejects(
                        "no decision at all",
                        b -> b.decisionVisibility((List<DsaDecisionVisibility>) null),
                        "decision_visibility"),
                rejects("empty decision visibility", b -> b.decisionVisibility(List.of()), "decision_account"),
                rejects(
                        "no ground",
                        b -> b.decisionGround(null)
                                .incompatibleContentGround(null)
                                .incompatibleContentExplanation(null)
                                .incompatibleContentIllegal(null),
                        "decision_ground"),
                rejects(
                        "no content type",
                        b -> b.contentType((List<DsaContentType>) null).contentTypeOther(null),
                        "content_type"),
                rejects("empty content type", b -> b.contentType(List.of()).contentTypeOther(null), "content_type"),
                rejects(
                        "no category",
                        b -> b.category(null).categorySpecification((List<DsaKeyword>) null),
                        "category"),
                rejects("no territorial scope", b -> b.territorialScope((List<String>) null), "territorial_scope"),
                rejects("empty territorial scope", b -> b.territorialScope(List.of()), "territorial_scope"),
                rejects("no content date", b -> b.contentDate(null), "content_date"),
                rejects("no application date", b -> b.applicationDate(null), "application_date"),
                rejects("no facts", b -> b.decisionFacts(null), "decision_facts"),
                rejects("blank facts", b -> b.decisionFacts("  \n "), "decision_facts"),
                rejects("no source type", b -> b.sourceType(null), "source_type"),
                rejects("no automated detection", b -> b.automatedDetection(null), "automated_detection"),
                rejects("no automated decision", b -> b.automatedDecision(null), "automated_decision"),
                rejects("no puid", b -> b.puid(null), "puid"),
                rejects("empty puid", b -> b.puid(""), "puid"),
                // *_other exactly with OTHER
                rejects(
                        "visibility OTHER without text",
                        b -> b.decisionVisibility(DECISION_VISIBILITY_OTHER),
                        "decision_visibility_other"),
                hubRefuses(
                        "visibility text without OTHER",
                        b -> b.decisionVisibilityOther("gated"),
                        "decision_visibility_other"),
                rejects(
                        "monetary OTHER without text",
                        b -> b.decisionMonetary(DsaDecisionMonetary.DECISION_MONETARY_OTHER),
                        "decision_monetary_other"),
                hubRefuses(
                        "monetary text without OTHER",
                        b -> b.decisionMonetary(DsaDecisionMonetary.DECISION_MONETARY_SUSPENSION)
                                .decisionMonetaryOther("withheld"),
                        "decision_monetary_other"),
                rejects("content type OTHER without text", b -> b.contentTypeOther(null), "content_type_other"),
                hubRefuses(
                        "content type text without OTHER", b -> b.contentType(CONTENT_TYPE_TEXT), "content_type_other"),
                hubRefuses(
                        "KEYWORD_OTHER without text",
                        b -> b.categorySpecification(KEYWORD_HATE_SPEECH, KEYWORD_OTHER),
                        "category_specification_other"),
                hubRefuses(
                        "keyword text without KEYWORD_OTHER",
                        b -> b.categorySpecificationOther("slurs"),
                        "category_specification_other"),
                // grounds
                rejects(
                        "incompatible without its ground",
                        b -> b.incompatibleContentGround(null),
                        "incompatible_content_ground"),
                rejects(
                        "incompatible without its explanation",
                        b -> b.incompatibleContentExplanation(" "),
                        "incompatible_content_explanation"),
                rejects(
                        "illegal without its legal ground",
                        b -> b.decisionGround(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
                                .illegalContentExplanation("why")
                                .incompatibleContentGround(null)
                                .incompatibleContentExplanation(null)
                                .incompatibleContentIllegal(null),
                        "illegal_content_legal_ground"),
                rejects(
                        "illegal without its explanation",
                        b -> b.decisionGround(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
                                .illegalContentLegalGround("law")
                                .incompatibleContentGround(null)
                                .incompatibleContentExplanation(null)
                                .incompatibleContentIllegal(null),
                        "illegal_content_explanation"),
                hubRefuses(
                        "illegal texts on the incompatible ground",
                        b -> b.illegalContentLegalGround("law"),
                        "illegal_content_legal_ground"),
                hubRefuses(
                        "illegal explanation on the incompatible ground",
                        b -> b.illegalContentExplanation("why"),
                        "illegal_content_explanation"),
                hubRefuses(
                        "incompatible texts on the illegal ground",
                        b -> b.decisionGround(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
                                .illegalContentLegalGround("law")
                                .illegalContentExplanation("why")
                                .incompatibleContentIllegal(null),
                        "incompatible_content_ground"),
                hubRefuses(
                        "incompatible_content_illegal on the illegal ground",
                        b -> b.decisionGround(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
                                .illegalContentLegalGround("law")
                                .illegalContentExplanation("why")
                                .incompatibleContentGround(null)
                                .incompatibleContentExplanation(null),
                        "incompatible_content_illegal"),
                // lengths
                rejects(
                        "visibility other over 500",
                        b -> b.decisionVisibility(DECISION_VISIBILITY_OTHER).decisionVisibilityOther(chars(501)),
                        "decision_visibility_other"),
                rejects(
                        "monetary other over 500",
                        b -> b.decisionMonetary(DsaDecisionMonetary.DECISION_MONETARY_OTHER)
                                .decisionMonetaryOther(chars(501)),
                        "decision_monetary_other"),
                rejects("content type other over 500", b -> b.contentTypeOther(chars(501)), "content_type_other"),
                rejects(
                        "keyword other over 500",
                        b -> b.categorySpecification(KEYWORD_OTHER).categorySpecificationOther(chars(501)),
                        "category_specification_other"),
                rejects(
                        "incompatible ground over 500",
                        b -> b.incompatibleContentGround(chars(501)),
                        "incompatible_content_ground"),
                rejects(
                        "incompatible explanation over 2000",
                        b -> b.incompatibleContentExplanation(chars(2001)),
                        "incompatible_content_explanation"),
                rejects("facts over 5000", b -> b.decisionFacts(chars(5001)), "decision_facts"),
                rejects("facts of 5000 emoji over 5000", b -> b.decisionFacts("🙂".repeat(5001)), "decision_facts"),
                rejects("source identity over 500", b -> b.sourceIdentity(chars(501)), "source_identity"),
                rejects(
                        "reference url over 500",
                        b -> b.decisionGroundReferenceUrl("https://hub.example/" + chars(481)),
                        "decision_ground_reference_url"),
                rejects("puid over 500", b -> b.puid(chars(501)), "puid"),
                // puid pattern
                rejects("puid with a space", b -> b.puid("dec 1"), "puid"),
                rejects("puid with a colon", b -> b.puid("model:acme/x"), "puid"),
                rejects("puid with a newline", b -> b.puid("dec1\n"), "puid"),
                rejects("puid with a non-ASCII letter", b -> b.puid("déc1"), "puid"),
                rejects("puid with a dot", b -> b.puid("dec.1"), "puid"),
                // dates
                rejects("content before 2000", b -> b.contentDate(LocalDate.of(1999, 12, 31)), "content_date"),
                rejects(
                        "content after 2038",
                        b -> b.contentDate(LocalDate.of(2038, 1, 2)).applicationDate(LocalDate.of(2038, 1, 2)),
                        "content_date"),
                rejects(
                        "application before 2020",
                        b -> b.applicationDate(LocalDate.of(2019, 12, 31)).contentDate(LocalDate.of(2019, 1, 1)),
                        "application_date"),
                rejects("application after 2038", b -> b.applicationDate(LocalDate.of(2038, 1, 2)), "application_date"),
                rejects(
                        "visibility ends before it applies",
                        b -> b.endDateVisibilityRestriction(APPLIED.minusDays(1)),
                        "end_date_visibility_restriction"),
                rejects(
                        "account suspension ends before it applies",
                        b -> b.decisionAccount(DsaDecisionAccount.DECISION_ACCOUNT_SUSPENDED)
                                .endDateAccountRestriction(APPLIED.minusDays(1)),
                        "end_date_account_restriction"),
                rejects(
                        "monetary restriction ends before it applies",
                        b -> b.decisionMonetary(DsaDecisionMonetary.DECISION_MONETARY_SUSPENSION)
                                .endDateMonetaryRestriction(APPLIED.minusDays(1)),
                        "end_date_monetary_restriction"),
                rejects(
                        "service restriction ends before it applies",
                        b -> b.decisionProvision(DsaDecisionProvision.DECISION_PROVISION_TOTAL_SUSPENSION)
                                .endDateServiceRestriction(APPLIED.minusDays(1)),
                        "end_date_service_restriction"),
                rejects(
                        "end date after 2038",
                        b -> b.endDateVisibilityRestriction(LocalDate.of(2038, 1, 2)),
                        "end_date_visibility_restriction"),
                hubRefuses(
                        "content posted after the decision", b -> b.contentDate(APPLIED.plusDays(1)), "content_date"),
                hubRefuses(
                        "account end date without an account decision",
                        b -> b.endDateAccountRestriction(APPLIED.plusDays(1)),
                        "end_date_account_restriction"),
                hubRefuses(
                        "service end date without a provision decision",
                        b -> b.endDateServiceRestriction(APPLIED.plusDays(1)),
                        "end_date_service_restriction"),
                hubRefuses(
                        "suspension without an end",
                        b -> b.decisionAccount(DsaDecisionAccount.DECISION_ACCOUNT_SUSPENDED),
                        "end_date_account_restriction"),
                // territory, language, content id, url
                rejects("territory outside the EEA", b -> b.territorialScope("DE", "CH"), "territorial_scope"),
                rejects("territory the United Kingdom", b -> b.territorialScope("GB"), "territorial_scope"),
                rejects("territory in lower case", b -> b.territorialScope("de"), "territorial_scope"),
                rejects("territory EU as a word", b -> b.territorialScope("EU"), "territorial_scope"),
                hubRefuses("territory repeated", b -> b.territorialScope("DE", "FR", "DE"), "territorial_scope"),
                rejects("language in lower case", b -> b.contentLanguage("en"), "content_language"),
                rejects("language as a locale", b -> b.contentLanguage("EN-GB"), "content_language"),
                rejects("language three letters", b -> b.contentLanguage("ENG"), "content_language"),
                rejects("content id of another kind", b -> b.contentId(Map.of("ISBN", "9783161484100")), "content_id"),
                hubRefuses(
                        "EAN-13 with a wrong check digit",
                        b -> b.contentId(Map.of("EAN-13", "4006381333932")),
                        "content_id"),
                hubRefuses("EAN-13 too short", b -> b.contentId(Map.of("EAN-13", "400638133393")), "content_id"),
                rejects(
                        "reference not a URL",
                        b -> b.decisionGroundReferenceUrl("our content policy"),
                        "decision_ground_reference_url"),
                rejects(
                        "reference without host",
                        b -> b.decisionGroundReferenceUrl("https:///policy"),
                        "decision_ground_reference_url"),
                hubRefuses(
                        "reference not http",
                        b -> b.decisionGroundReferenceUrl("ftp://hub.example/policy"),
                        "decision_ground_reference_url"),
                // categories and keywords
                hubRefuses(
                        "keyword of another category",
                        b -> b.categorySpecification(KEYWORD_HATE_SPEECH, KEYWORD_PHISHING),
                        "category_specification"),
                hubRefuses(
                        "keyword repeated",
                        b -> b.categorySpecification(KEYWORD_HATE_SPEECH, KEYWORD_HATE_SPEECH),
                        "category_specification"),
                hubRefuses(
                        "content type repeated",
                        b -> b.contentType(CONTENT_TYPE_OTHER, CONTENT_TYPE_OTHER),
                        "content_type"),
                hubRefuses(
                        "visibility repeated",
                        b -> b.decisionVisibility(
                                DECISION_VISIBILITY_CONTENT_REMOVED, DECISION_VISIBILITY_CONTENT_REMOVED),
                        "decision_visibility"),
                // source
                hubRefuses(
                        "source identity on own initiative",
                        b -> b.sourceType(SourceType.SOURCE_VOLUNTARY).sourceIdentity("our classifier"),
                        "source_identity"),
                // personal data
                hubRefuses(
                        "email in the facts",
                        b -> b.decisionFacts("Reported by jane.doe@example.org about the card."),
                        "decision_facts"),
                hubRefuses(
                        "email in the source identity",
                        b -> b.sourceIdentity("Notifier: rights@label.example.com"),
                        "source_identity"),
                hubRefuses(
                        "email in the visibility text",
                        b -> b.decisionVisibility(DECISION_VISIBILITY_OTHER)
                                .decisionVisibilityOther("ask owner@hub.example"),
                        "decision_visibility_other"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenStatements")
    void eachRuleFailsNamingItsField(Variation variation) {
        TransparencyStatement statement =
                variation.change().apply(valid().toBuilder()).build();
        List<Violation> violations = VALIDATOR.validate(statement);
        assertThat(violations).as(violations.toString()).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(variation.field());
            assertThat(v.rejectedByDatabase()).isEqualTo(variation.rejected());
            assertThat(v.message()).isNotBlank();
        });
        if (!variation.rejected()) {
            // The hub's rules are stricter than the database's, never in place of them.
            assertThat(violations).as(violations.toString()).noneMatch(Violation::rejectedByDatabase);
        }
        assertThat(VALIDATOR.isValid(statement)).isFalse();
        assertThatThrownBy(() -> VALIDATOR.requireValid(statement))
                .isInstanceOf(InvalidStatementException.class)
                .hasMessageContaining(variation.field())
                .satisfies(e ->
                        assertThat(((InvalidStatementException) e).violations()).isEqualTo(violations));
    }

    static Stream<Variation> statementsAtTheLimits() {
        return Stream.of(
                rejects(
                        "only a monetary decision",
                        b -> b.decisionVisibility((List<DsaDecisionVisibility>) null)
                                .decisionMonetary(DsaDecisionMonetary.DECISION_MONETARY_TERMINATION),
                        null),
                rejects(
                        "only a provision decision",
                        b -> b.decisionVisibility((List<DsaDecisionVisibility>) null)
                                .decisionProvision(DsaDecisionProvision.DECISION_PROVISION_TOTAL_TERMINATION),
                        null),
                rejects(
                        "only an account termination",
                        b -> b.decisionVisibility((List<DsaDecisionVisibility>) null)
                                .decisionAccount(DsaDecisionAccount.DECISION_ACCOUNT_TERMINATED),
                        null),
                rejects(
                        "texts exactly at their limits",
                        b -> b.decisionVisibility(DECISION_VISIBILITY_OTHER)
                                .decisionVisibilityOther(chars(500))
                                .contentTypeOther(chars(500))
                                .incompatibleContentGround(chars(500))
                                .incompatibleContentExplanation(chars(2000))
                                .decisionFacts("🙂".repeat(5000))
                                .sourceIdentity(chars(500))
                                .puid(chars(500)),
                        null),
                rejects(
                        "earliest dates",
                        b -> b.contentDate(LocalDate.of(2000, 1, 1)).applicationDate(LocalDate.of(2020, 1, 1)),
                        null),
                rejects(
                        "latest dates",
                        b -> b.contentDate(LocalDate.of(2038, 1, 1))
                                .applicationDate(LocalDate.of(2038, 1, 1))
                                .endDateVisibilityRestriction(LocalDate.of(2038, 1, 1)),
                        null),
                rejects("end date on the application date", b -> b.endDateVisibilityRestriction(APPLIED), null),
                rejects("one member state", b -> b.territorialScope("IE"), null),
                rejects("the EU", b -> b.territorialScope(DsaTerritories.EU), null),
                rejects("a puid of every allowed character", b -> b.puid("azAZ09-_"), null),
                rejects("a non-European language", b -> b.contentLanguage("ZH"), null),
                rejects(
                        "no optional attribute",
                        b -> b.decisionGroundReferenceUrl(null)
                                .incompatibleContentIllegal(null)
                                .categorySpecification((List<DsaKeyword>) null)
                                .contentLanguage(null),
                        null),
                rejects(
                        "KEYWORD_OTHER fits any category",
                        b -> b.categorySpecification(KEYWORD_OTHER).categorySpecificationOther("Slurs in labels"),
                        null),
                rejects(
                        "keyword of an added category",
                        b -> b.categoryAddition(STATEMENT_CATEGORY_SCAMS_AND_FRAUD)
                                .categorySpecification(KEYWORD_HATE_SPEECH, KEYWORD_PHISHING),
                        null),
                rejects("a source identity with a notice", b -> b.sourceIdentity("A rights holder's agent"), null),
                rejects(
                        "a text with an at sign but no address",
                        b -> b.decisionFacts("Model card tagged @everyone in 3 places."),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statementsAtTheLimits")
    void validVariationsPass(Variation variation) {
        TransparencyStatement statement =
                variation.change().apply(valid().toBuilder()).build();
        assertThat(VALIDATOR.validate(statement)).isEmpty();
    }

    // ----- raw JSON, as the fake API would receive it ----------------------------------------------

    static Stream<Arguments> brokenJson() {
        return Stream.of(
                Arguments.of("decision_visibility", "\"DECISION_VISIBILITY_CONTENT_REMOVED\""),
                Arguments.of("decision_visibility", "[\"DECISION_VISIBILITY_CONTENT_HIDDEN\"]"),
                Arguments.of("decision_visibility", "[\"decision_visibility_content_removed\"]"),
                Arguments.of("decision_visibility", "[42]"),
                Arguments.of("decision_monetary", "\"DECISION_MONETARY_FINE\""),
                Arguments.of("decision_provision", "\"DECISION_PROVISION_SUSPENSION\""),
                Arguments.of("decision_account", "\"DECISION_ACCOUNT_BANNED\""),
                Arguments.of("account_type", "\"ACCOUNT_TYPE_ORGANISATION\""),
                Arguments.of("decision_ground", "\"ILLEGAL_CONTENT\""),
                Arguments.of("incompatible_content_illegal", "\"yes\""),
                Arguments.of("incompatible_content_illegal", "true"),
                Arguments.of("content_type", "\"CONTENT_TYPE_OTHER\""),
                Arguments.of("content_type", "[\"CONTENT_TYPE_MODEL\"]"),
                Arguments.of("category", "\"STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT\""),
                Arguments.of("category", "[\"STATEMENT_CATEGORY_VIOLENCE\"]"),
                Arguments.of("category_addition", "[\"STATEMENT_CATEGORY_NOT_SPECIFIED_ORDER\"]"),
                Arguments.of("category_specification", "[\"KEYWORD_SPAM\"]"),
                Arguments.of("category_specification", "\"KEYWORD_HATE_SPEECH\""),
                Arguments.of("territorial_scope", "\"DE\""),
                Arguments.of("territorial_scope", "[\"DEU\"]"),
                Arguments.of("content_language", "\"english\""),
                Arguments.of("content_language", "1"),
                Arguments.of("content_id", "\"4006381333931\""),
                Arguments.of("content_date", "\"2024-3-1\""),
                Arguments.of("content_date", "\"01-03-2024\""),
                Arguments.of("content_date", "\"2024-03-01T10:00:00Z\""),
                Arguments.of("content_date", "\"2023-02-29\""),
                Arguments.of("content_date", "20240301"),
                Arguments.of("application_date", "\"2025-13-01\""),
                Arguments.of("application_date", "\"2025-07-14-10\""),
                Arguments.of("end_date_visibility_restriction", "\"tomorrow\""),
                Arguments.of("decision_facts", "42"),
                Arguments.of("decision_facts", "[\"facts\"]"),
                Arguments.of("source_type", "\"SOURCE_OTHER\""),
                Arguments.of("source_type", "\"SOURCE_TRUSTED_NOTIFIER\""),
                Arguments.of("automated_detection", "\"YES\""),
                Arguments.of("automated_detection", "false"),
                Arguments.of("automated_decision", "\"Yes\""),
                Arguments.of("automated_decision", "\"AUTOMATED_DECISION_NONE\""),
                Arguments.of("puid", "12345"),
                Arguments.of("puid", "\"a/b\""));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("brokenJson")
    void invalidJsonValuesAreRejectedNamingTheField(String field, String json) throws Exception {
        ObjectNode statement = (ObjectNode) valid().toJsonTree();
        statement.set(field, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        List<Violation> violations = VALIDATOR.validate(statement);
        assertThat(violations).as(violations.toString()).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.rejectedByDatabase()).isTrue();
        });
        assertThat(VALIDATOR.validateJson(statement.toString())).isEqualTo(violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"uuid", "decision_visibilty", "platform_name", "url", "source"})
    void unknownAttributesAreTheHubsConcern(String field) {
        ObjectNode statement = (ObjectNode) valid().toJsonTree();
        statement.put(field, "x");
        assertThat(VALIDATOR.validate(statement)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.rejectedByDatabase()).isFalse();
        });
    }

    @Test
    void anEan13AsANumberIsTheHubsConcern() throws Exception {
        ObjectNode statement = (ObjectNode) valid().toJsonTree();
        statement.set(
                "content_id", new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"EAN-13\":4006381333931}"));
        assertThat(VALIDATOR.validate(statement)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("content_id");
            assertThat(v.rejectedByDatabase()).isFalse();
        });
    }

    @Test
    void aWrongTypeIsReportedOnceNotAlsoAsMissing() {
        ObjectNode statement = (ObjectNode) valid().toJsonTree();
        statement.put("puid", 42);
        statement.put("content_type", "CONTENT_TYPE_TEXT");
        statement.remove("content_type_other");
        assertThat(VALIDATOR.validate(statement))
                .extracting(Violation::field, Violation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("content_type", "The content type field must be an array."),
                        org.assertj.core.groups.Tuple.tuple("puid", "The puid field must be a string."));
    }

    @Test
    void everyViolationIsFoundInOnePass() {
        TransparencyStatement statement = valid().toBuilder()
                .puid("has space")
                .contentDate(LocalDate.of(1999, 1, 1))
                .territorialScope("US")
                .decisionFacts(null)
                .contentTypeOther(null)
                .build();
        assertThat(VALIDATOR.validate(statement))
                .extracting(Violation::field)
                .containsExactly("content_type_other", "territorial_scope", "content_date", "decision_facts", "puid");
    }

    @Test
    void errorsAreGroupedByFieldAsTheApiAnswers() {
        List<Violation> violations = List.of(
                new Violation("puid", "a", true),
                new Violation("category", "b", true),
                new Violation("puid", "c", false));
        assertThat(StatementValidator.errorsByField(violations))
                .containsExactly(Map.entry("puid", List.of("a", "c")), Map.entry("category", List.of("b")));
    }

    // ----- JSON --------------------------------------------------------------------------------------

    @Test
    void jsonUsesTheApiNamesAndLeavesNullsOut() {
        String json = valid().toJson();
        assertThat(json)
                .doesNotContain("\n")
                .doesNotContain("null")
                .contains("\"decision_visibility\":[\"DECISION_VISIBILITY_CONTENT_REMOVED\"]")
                .contains("\"decision_ground\":\"DECISION_GROUND_INCOMPATIBLE_CONTENT\"")
                .contains("\"incompatible_content_illegal\":\"No\"")
                .contains("\"automated_detection\":\"No\"")
                .contains("\"content_date\":\"2024-03-01\"")
                .contains("\"application_date\":\"2025-07-14\"")
                .contains("\"territorial_scope\":[\"AT\",\"BE\"")
                .contains("\"puid\":\"modhub-dec-0f8e2c1a_7\"")
                .doesNotContain("decision_monetary")
                .doesNotContain("end_date");
        assertThat(TransparencyStatement.toJson(valid())).isEqualTo(json);
    }

    @Test
    void everyComponentIsAnApiAttributeAndRoundTrips() {
        TransparencyStatement full = validIllegalAndFull().toBuilder()
                .incompatibleContentGround("g")
                .incompatibleContentExplanation("e")
                .incompatibleContentIllegal(DsaYesNo.YES)
                .build();
        JsonNode tree = full.toJsonTree();
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(TransparencyStatement.ATTRIBUTES);
        assertThat(TransparencyStatement.class.getRecordComponents()).hasSize(TransparencyStatement.ATTRIBUTES.size());
        assertThat(TransparencyStatement.fromJson(full.toJson())).isEqualTo(full);
        assertThat(full.toBuilder().build()).isEqualTo(full);
    }

    @Test
    void multiLineTextStaysOnOneNdjsonLine() {
        String json = valid().toBuilder()
                .decisionFacts("line one\nline two\r\n\"quoted\"")
                .build()
                .toJson();
        assertThat(json).doesNotContain("\n").doesNotContain("\r").contains("line one\\nline two");
        assertThat(TransparencyStatement.fromJson(json).decisionFacts()).isEqualTo("line one\nline two\r\n\"quoted\"");
    }

    @Test
    void readingInvalidJsonIntoTheRecordFailsClearly() {
        assertThatThrownBy(() -> TransparencyStatement.fromJson("{\"decision_ground\":\"NOPE\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a statement of reasons");
    }

    @Test
    void theRecordCopiesItsLists() {
        List<String> scope = new ArrayList<>(List.of("DE"));
        TransparencyStatement statement =
                valid().toBuilder().territorialScope(scope).build();
        scope.add("FR");
        assertThat(statement.territorialScope()).containsExactly("DE");
        assertThatThrownBy(() -> statement.territorialScope().add("IT"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
