package org.modhub.moderation.contracts.dsa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.EventCodec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A statement of reasons (DSA Art. 17) as the body of a {@code POST /api/v1/statement} to the EU DSA
 * Transparency Database (API v2, in force since 1 July 2025). Every component carries the API's
 * snake_case attribute name; null components are left out of the JSON, which is how the API reads
 * "not given". Dates are {@code YYYY-MM-DD}.
 *
 * <p>The record holds any combination of values, valid or not, so that a mapper can build one and
 * {@link StatementValidator} can say everything wrong with it at once. Build with {@link #builder()};
 * write with {@link #toJson()} (one line, so one statement per line makes NDJSON).
 *
 * <p>Source: the API documentation (transparency.dsa.ec.europa.eu/page/api-documentation, v2) and
 * the EU's repository {@code digital-services-act/transparency-database}. See
 * {@link StatementValidator} for each attribute's rules.
 *
 * @param decisionVisibility {@code decision_visibility}: restrictions of the content's visibility
 * @param decisionVisibilityOther {@code decision_visibility_other}: required with DECISION_VISIBILITY_OTHER; ≤ 500
 * @param decisionMonetary {@code decision_monetary}: restriction of monetary payments
 * @param decisionMonetaryOther {@code decision_monetary_other}: required with DECISION_MONETARY_OTHER; ≤ 500
 * @param decisionProvision {@code decision_provision}: suspension or termination of the service
 * @param decisionAccount {@code decision_account}: suspension or termination of the account
 * @param accountType {@code account_type}: optional
 * @param decisionGround {@code decision_ground}: required
 * @param decisionGroundReferenceUrl {@code decision_ground_reference_url}: optional URL of the law or terms; ≤ 500
 * @param illegalContentLegalGround {@code illegal_content_legal_ground}: required with the illegal-content ground; ≤ 500
 * @param illegalContentExplanation {@code illegal_content_explanation}: required with the illegal-content ground; ≤ 2000
 * @param incompatibleContentGround {@code incompatible_content_ground}: required with the incompatible-content ground; ≤ 500
 * @param incompatibleContentExplanation {@code incompatible_content_explanation}: required with the incompatible-content ground; ≤ 2000
 * @param incompatibleContentIllegal {@code incompatible_content_illegal}: optional, with the incompatible-content ground only
 * @param contentType {@code content_type}: required, at least one
 * @param contentTypeOther {@code content_type_other}: required with CONTENT_TYPE_OTHER; ≤ 500
 * @param category {@code category}: required
 * @param categoryAddition {@code category_addition}: optional further categories
 * @param categorySpecification {@code category_specification}: optional keywords
 * @param categorySpecificationOther {@code category_specification_other}: free keyword with KEYWORD_OTHER; ≤ 500
 * @param contentId {@code content_id}: optional identifiers of the content; the only key accepted is {@code EAN-13}
 * @param territorialScope {@code territorial_scope}: EU/EEA ISO 3166-1 alpha-2 codes, see {@link DsaTerritories}
 * @param contentLanguage {@code content_language}: optional upper-case ISO 639-1 code, see {@link DsaLanguages}
 * @param contentDate {@code content_date}: required; when the content was posted (≥ 2000-01-01)
 * @param applicationDate {@code application_date}: required; when the restriction started (≥ 2020-01-01)
 * @param endDateAccountRestriction {@code end_date_account_restriction}: blank for indefinite
 * @param endDateMonetaryRestriction {@code end_date_monetary_restriction}: blank for indefinite
 * @param endDateServiceRestriction {@code end_date_service_restriction}: blank for indefinite
 * @param endDateVisibilityRestriction {@code end_date_visibility_restriction}: blank for indefinite
 * @param decisionFacts {@code decision_facts}: required; ≤ 5000
 * @param sourceType {@code source_type}: required
 * @param sourceIdentity {@code source_identity}: optional, ignored with SOURCE_VOLUNTARY; ≤ 500
 * @param automatedDetection {@code automated_detection}: required, "Yes" or "No"
 * @param automatedDecision {@code automated_decision}: required
 * @param puid {@code puid}: required platform unique identifier; ≤ 500 of {@code [a-zA-Z0-9_-]}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransparencyStatement(
        @JsonProperty("decision_visibility") List<DsaDecisionVisibility> decisionVisibility,
        @JsonProperty("decision_visibility_other") String decisionVisibilityOther,
        @JsonProperty("decision_monetary") DsaDecisionMonetary decisionMonetary,
        @JsonProperty("decision_monetary_other") String decisionMonetaryOther,
        @JsonProperty("decision_provision") DsaDecisionProvision decisionProvision,
        @JsonProperty("decision_account") DsaDecisionAccount decisionAccount,
        @JsonProperty("account_type") DsaAccountType accountType,
        @JsonProperty("decision_ground") DecisionGround decisionGround,
        @JsonProperty("decision_ground_reference_url") String decisionGroundReferenceUrl,
        @JsonProperty("illegal_content_legal_ground") String illegalContentLegalGround,
        @JsonProperty("illegal_content_explanation") String illegalContentExplanation,
        @JsonProperty("incompatible_content_ground") String incompatibleContentGround,
        @JsonProperty("incompatible_content_explanation") String incompatibleContentExplanation,
        @JsonProperty("incompatible_content_illegal") DsaYesNo incompatibleContentIllegal,
        @JsonProperty("content_type") List<DsaContentType> contentType,
        @JsonProperty("content_type_other") String contentTypeOther,
        @JsonProperty("category") DsaStatementCategory category,
        @JsonProperty("category_addition") List<DsaStatementCategory> categoryAddition,
        @JsonProperty("category_specification") List<DsaKeyword> categorySpecification,
        @JsonProperty("category_specification_other") String categorySpecificationOther,
        @JsonProperty("content_id") Map<String, String> contentId,
        @JsonProperty("territorial_scope") List<String> territorialScope,
        @JsonProperty("content_language") String contentLanguage,
        @JsonProperty("content_date") LocalDate contentDate,
        @JsonProperty("application_date") LocalDate applicationDate,
        @JsonProperty("end_date_account_restriction") LocalDate endDateAccountRestriction,
        @JsonProperty("end_date_monetary_restriction") LocalDate endDateMonetaryRestriction,
        @JsonProperty("end_date_service_restriction") LocalDate endDateServiceRestriction,
        @JsonProperty("end_date_visibility_restriction") LocalDate endDateVisibilityRestriction,
        @JsonProperty("decision_facts") String decisionFacts,
        @JsonProperty("source_type") SourceType sourceType,
        @JsonProperty("source_identity") String sourceIdentity,
        @JsonProperty("automated_detection") DsaYesNo automatedDetection,
        @JsonProperty("automated_decision") AutomatedDecision automatedDecision,
        @JsonProperty("puid") String puid) {

    /**
     * Every attribute name of a statement the API accepts on creation, in the documentation's order.
     * Anything else in a statement is ignored by the database.
     */
    public static final List<String> ATTRIBUTES = List.of(
            "decision_visibility",
            "decision_visibility_other",
            "decision_monetary",
            "decision_monetary_other",
            "decision_provision",
            "decision_account",
            "account_type",
            "decision_ground",
            "decision_ground_reference_url",
            "illegal_content_legal_ground",
            "illegal_content_explanation",
            "incompatible_content_ground",
            "incompatible_content_explanation",
            "incompatible_content_illegal",
            "content_type",
            "content_type_other",
            "category",
            "category_addition",
            "category_specification",
            "category_specification_other",
            "content_id",
            "territorial_scope",
            "content_language",
            "content_date",
            "application_date",
            "end_date_account_restriction",
            "end_date_monetary_restriction",
            "end_date_service_restriction",
            "end_date_visibility_restriction",
            "decision_facts",
            "source_type",
            "source_identity",
            "automated_detection",
            "automated_decision",
            "puid");

    private static final ObjectMapper MAPPER = EventCodec.newObjectMapper();

    /** Copies the lists and the map (keeping nulls, so a validator can still report them). */
    public TransparencyStatement {
        decisionVisibility = copy(decisionVisibility);
        contentType = copy(contentType);
        categoryAddition = copy(categoryAddition);
        categorySpecification = copy(categorySpecification);
        territorialScope = copy(territorialScope);
        contentId = contentId == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(contentId));
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this statement's values, to derive a variation. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** This statement as compact single-line JSON, nulls left out: one NDJSON line without the newline. */
    public String toJson() {
        return toJson(this);
    }

    /** {@code statement} as compact single-line JSON, nulls left out: one NDJSON line without the newline. */
    public static String toJson(TransparencyStatement statement) {
        try {
            return MAPPER.writeValueAsString(statement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise statement " + statement.puid(), e);
        }
    }

    /** This statement as the JSON tree the API receives. */
    public JsonNode toJsonTree() {
        try {
            return MAPPER.readTree(toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise statement " + puid, e);
        }
    }

    /**
     * Reads a statement; throws {@link IllegalArgumentException} if the JSON is malformed or holds a
     * value the enumerations or dates cannot take (use {@link StatementValidator#validateJson(String)}
     * to learn everything that is wrong with untrusted JSON instead).
     */
    public static TransparencyStatement fromJson(String json) {
        try {
            return MAPPER.readValue(json, TransparencyStatement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a statement of reasons: " + e.getOriginalMessage(), e);
        }
    }

    /** Fluent builder; every setter replaces the value, and null clears it. */
    public static final class Builder {
        private List<DsaDecisionVisibility> decisionVisibility;
        private String decisionVisibilityOther;
        private DsaDecisionMonetary decisionMonetary;
        private String decisionMonetaryOther;
        private DsaDecisionProvision decisionProvision;
        private DsaDecisionAccount decisionAccount;
        private DsaAccountType accountType;
        private DecisionGround decisionGround;
        private String decisionGroundReferenceUrl;
        private String illegalContentLegalGround;
        private String illegalContentExplanation;
        private String incompatibleContentGround;
        private String incompatibleContentExplanation;
        private DsaYesNo incompatibleContentIllegal;
        private List<DsaContentType> contentType;
        private String contentTypeOther;
        private DsaStatementCategory category;
        private List<DsaStatementCategory> categoryAddition;
        private List<DsaKeyword> categorySpecification;
        private String categorySpecificationOther;
        private Map<String, String> contentId;
        private List<String> territorialScope;
        private String contentLanguage;
        private LocalDate contentDate;
        private LocalDate applicationDate;
        private LocalDate endDateAccountRestriction;
        private LocalDate endDateMonetaryRestriction;
        private LocalDate endDateServiceRestriction;
        private LocalDate endDateVisibilityRestriction;
        private String decisionFacts;
        private SourceType sourceType;
        private String sourceIdentity;
        private DsaYesNo automatedDetection;
        private AutomatedDecision automatedDecision;
        private String puid;

        private Builder() {}

        private Builder(TransparencyStatement s) {
            decisionVisibility = s.decisionVisibility;
            decisionVisibilityOther = s.decisionVisibilityOther;
            decisionMonetary = s.decisionMonetary;
            decisionMonetaryOther = s.decisionMonetaryOther;
            decisionProvision = s.decisionProvision;
            decisionAccount = s.decisionAccount;
            accountType = s.accountType;
            decisionGround = s.decisionGround;
            decisionGroundReferenceUrl = s.decisionGroundReferenceUrl;
            illegalContentLegalGround = s.illegalContentLegalGround;
            illegalContentExplanation = s.illegalContentExplanation;
            incompatibleContentGround = s.incompatibleContentGround;
            incompatibleContentExplanation = s.incompatibleContentExplanation;
            incompatibleContentIllegal = s.incompatibleContentIllegal;
            contentType = s.contentType;
            contentTypeOther = s.contentTypeOther;
            category = s.category;
            categoryAddition = s.categoryAddition;
            categorySpecification = s.categorySpecification;
            categorySpecificationOther = s.categorySpecificationOther;
            contentId = s.contentId;
            territorialScope = s.territorialScope;
            contentLanguage = s.contentLanguage;
            contentDate = s.contentDate;
            applicationDate = s.applicationDate;
            endDateAccountRestriction = s.endDateAccountRestriction;
            endDateMonetaryRestriction = s.endDateMonetaryRestriction;
            endDateServiceRestriction = s.endDateServiceRestriction;
            endDateVisibilityRestriction = s.endDateVisibilityRestriction;
            decisionFacts = s.decisionFacts;
            sourceType = s.sourceType;
            sourceIdentity = s.sourceIdentity;
            automatedDetection = s.automatedDetection;
            automatedDecision = s.automatedDecision;
            puid = s.puid;
        }

        public Builder decisionVisibility(List<DsaDecisionVisibility> value) {
            decisionVisibility = value;
            return this;
        }

        public Builder decisionVisibility(DsaDecisionVisibility... values) {
            return decisionVisibility(values == null ? null : Arrays.asList(values));
        }

        public Builder decisionVisibilityOther(String value) {
            decisionVisibilityOther = value;
            return this;
        }

        public Builder decisionMonetary(DsaDecisionMonetary value) {
            decisionMonetary = value;
            return this;
        }

        public Builder decisionMonetaryOther(String value) {
            decisionMonetaryOther = value;
            return this;
        }

        public Builder decisionProvision(DsaDecisionProvision value) {
            decisionProvision = value;
            return this;
        }

        public Builder decisionAccount(DsaDecisionAccount value) {
            decisionAccount = value;
            return this;
        }

        public Builder accountType(DsaAccountType value) {
            accountType = value;
            return this;
        }

        public Builder decisionGround(DecisionGround value) {
            decisionGround = value;
            return this;
        }

        public Builder decisionGroundReferenceUrl(String value) {
            decisionGroundReferenceUrl = value;
            return this;
        }

        public Builder illegalContentLegalGround(String value) {
            illegalContentLegalGround = value;
            return this;
        }

        public Builder illegalContentExplanation(String value) {
            illegalContentExplanation = value;
            return this;
        }

        public Builder incompatibleContentGround(String value) {
            incompatibleContentGround = value;
            return this;
        }

        public Builder incompatibleContentExplanation(String value) {
            incompatibleContentExplanation = value;
            return this;
        }

        public Builder incompatibleContentIllegal(DsaYesNo value) {
            incompatibleContentIllegal = value;
            return this;
        }

        public Builder contentType(List<DsaContentType> value) {
            contentType = value;
            return this;
        }

        public Builder contentType(DsaContentType... values) {
            return contentType(values == null ? null : Arrays.asList(values));
        }

        public Builder contentTypeOther(String value) {
            contentTypeOther = value;
            return this;
        }

        public Builder category(DsaStatementCategory value) {
            category = value;
            return this;
        }

        public Builder categoryAddition(List<DsaStatementCategory> value) {
            categoryAddition = value;
            return this;
        }

        public Builder categoryAddition(DsaStatementCategory... values) {
            return categoryAddition(values == null ? null : Arrays.asList(values));
        }

        public Builder categorySpecification(List<DsaKeyword> value) {
            categorySpecification = value;
            return this;
        }

        public Builder categorySpecification(DsaKeyword... values) {
            return categorySpecification(values == null ? null : Arrays.asList(values));
        }

        public Builder categorySpecificationOther(String value) {
            categorySpecificationOther = value;
            return this;
        }

        public Builder contentId(Map<String, String> value) {
            contentId = value;
            return this;
        }

        public Builder territorialScope(List<String> value) {
            territorialScope = value;
            return this;
        }

        public Builder territorialScope(String... values) {
            return territorialScope(values == null ? null : Arrays.asList(values));
        }

        public Builder contentLanguage(String value) {
            contentLanguage = value;
            return this;
        }

        public Builder contentDate(LocalDate value) {
            contentDate = value;
            return this;
        }

        public Builder applicationDate(LocalDate value) {
            applicationDate = value;
            return this;
        }

        public Builder endDateAccountRestriction(LocalDate value) {
            endDateAccountRestriction = value;
            return this;
        }

        public Builder endDateMonetaryRestriction(LocalDate value) {
            endDateMonetaryRestriction = value;
            return this;
        }

        public Builder endDateServiceRestriction(LocalDate value) {
            endDateServiceRestriction = value;
            return this;
        }

        public Builder endDateVisibilityRestriction(LocalDate value) {
            endDateVisibilityRestriction = value;
            return this;
        }

        public Builder decisionFacts(String value) {
            decisionFacts = value;
            return this;
        }

        public Builder sourceType(SourceType value) {
            sourceType = value;
            return this;
        }

        public Builder sourceIdentity(String value) {
            sourceIdentity = value;
            return this;
        }

        public Builder automatedDetection(DsaYesNo value) {
            automatedDetection = value;
            return this;
        }

        /** {@code automated_detection} from a flag: "Yes" for {@code true}. */
        public Builder automatedDetection(boolean value) {
            return automatedDetection(DsaYesNo.of(value));
        }

        public Builder automatedDecision(AutomatedDecision value) {
            automatedDecision = value;
            return this;
        }

        public Builder puid(String value) {
            puid = value;
            return this;
        }

        public TransparencyStatement build() {
            return new TransparencyStatement(
                    decisionVisibility,
                    decisionVisibilityOther,
                    decisionMonetary,
                    decisionMonetaryOther,
                    decisionProvision,
                    decisionAccount,
                    accountType,
                    decisionGround,
                    decisionGroundReferenceUrl,
                    illegalContentLegalGround,
                    illegalContentExplanation,
                    incompatibleContentGround,
                    incompatibleContentExplanation,
                    incompatibleContentIllegal,
                    contentType,
                    contentTypeOther,
                    category,
                    categoryAddition,
                    categorySpecification,
                    categorySpecificationOther,
                    contentId,
                    territorialScope,
                    contentLanguage,
                    contentDate,
                    applicationDate,
                    endDateAccountRestriction,
                    endDateMonetaryRestriction,
                    endDateServiceRestriction,
                    endDateVisibilityRestriction,
                    decisionFacts,
                    sourceType,
                    sourceIdentity,
                    automatedDetection,
                    automatedDecision,
                    puid);
        }
    }
}
