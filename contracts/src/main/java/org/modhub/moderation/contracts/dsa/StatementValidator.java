package org.modhub.moderation.contracts.dsa;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.EventCodec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applies the EU DSA Transparency Database's rules for creating a statement of reasons (API v2),
 * and reports every violation at once, each naming the API attribute, as the database's
 * {@code 422 Unprocessable Content} answer does. Works on {@link TransparencyStatement}s and on raw
 * JSON (so a fake of the API can answer exactly as the real one); stateless and thread-safe.
 *
 * <h2>Rules the database enforces ({@link Violation#rejectedByDatabase()} true)</h2>
 * <ul>
 * <li>At least one of {@code decision_visibility}, {@code decision_monetary},
 *     {@code decision_provision}, {@code decision_account}; each from its enumeration;
 *     {@code decision_visibility} and the other list attributes are arrays.</li>
 * <li>Required: {@code decision_ground}, {@code content_type}, {@code category},
 *     {@code territorial_scope}, {@code content_date}, {@code application_date},
 *     {@code decision_facts}, {@code source_type}, {@code automated_detection},
 *     {@code automated_decision}, {@code puid}. Blank strings and empty arrays count as absent
 *     (Laravel trims input and turns empty strings into null).</li>
 * <li>{@code decision_visibility_other}, {@code decision_monetary_other}, {@code content_type_other}
 *     required exactly when the matching {@code *_OTHER} value is chosen (otherwise the database drops
 *     them); {@code illegal_content_legal_ground} and {@code illegal_content_explanation} required
 *     with {@code DECISION_GROUND_ILLEGAL_CONTENT}, {@code incompatible_content_ground} and
 *     {@code incompatible_content_explanation} with {@code DECISION_GROUND_INCOMPATIBLE_CONTENT};
 *     {@code incompatible_content_illegal} "Yes"/"No", only with the latter.</li>
 * <li>Lengths in characters: 500 for {@code *_other}, the grounds, {@code source_identity},
 *     {@code decision_ground_reference_url} and {@code puid}; 2000 for the explanations; 5000 for
 *     {@code decision_facts}.</li>
 * <li>Dates {@code YYYY-MM-DD} with leading zeroes and real calendar days; {@code content_date}
 *     from 2000-01-01, {@code application_date} from 2020-01-01, every date until 2038-01-01; the
 *     four {@code end_date_*} not before {@code application_date}.</li>
 * <li>{@code territorial_scope} values from {@link DsaTerritories#EEA}; {@code content_language}
 *     from {@link DsaLanguages#ALL} (upper case); {@code content_id} keys only {@code EAN-13};
 *     {@code decision_ground_reference_url} a URL; {@code puid} only {@code [a-zA-Z0-9_-]}.</li>
 * </ul>
 *
 * <h2>The hub's stricter rules ({@link Violation#rejectedByDatabase()} false)</h2>
 * Things the database accepts but silently drops or files badly. Exports must pass these too, so
 * that what the database publishes is exactly what the hub exported:
 * <ul>
 * <li>an {@code illegal_content_legal_ground} that names no law: the placeholder
 *     {@value #PLACEHOLDER_GROUND} &lt;category&gt; (DSA Art. 17(3)(d) asks for the legal ground relied on);</li>
 * <li>a conditional attribute given where it does not apply (it would be dropped), including
 *     {@code source_identity} with {@code SOURCE_VOLUNTARY} and {@code category_specification_other}
 *     without {@code KEYWORD_OTHER}; {@code KEYWORD_OTHER} without {@code category_specification_other};</li>
 * <li>a keyword of {@code category_specification} whose category (Annex II of the Transparency
 *     Reporting Implementing Regulation, see {@link DsaKeyword#category()}) is neither
 *     {@code category} nor in {@code category_addition}; a value repeated in a list;</li>
 * <li>an end date for a kind of restriction the statement does not impose; a
 *     {@code DECISION_ACCOUNT_SUSPENDED} without {@code end_date_account_restriction} (the hub's
 *     suspensions are temporary); a {@code content_date} after {@code application_date};</li>
 * <li>an email address in any text (no personal data, DSA Art. 24(5)); an {@code EAN-13} that is
 *     not 13 digits with a valid check digit; a reference URL that is not http(s); an attribute
 *     the API does not know (the database ignores it, so it is most likely a typo).</li>
 * </ul>
 *
 * <p>Sources: the API documentation (transparency.dsa.ec.europa.eu/page/api-documentation, v2
 * "api-documentation-two"), and for what it leaves open the validation code of the EU's repository
 * {@code digital-services-act/transparency-database} ({@code StatementStoreRequest},
 * {@code GroupedSubmissionsService}). Where they disagree the documentation wins: it makes
 * {@code territorial_scope} required (the code allows it to be absent) and end dates not before the
 * application date (the batch endpoint's code does not check this). The 2038-01-01 upper bound and
 * the {@code puid} pattern are from the code; the documentation states the same character set.
 */
public final class StatementValidator {

    /** The placeholder legal ground of statements written before provisions of law were recorded; refused. */
    public static final String PLACEHOLDER_GROUND = "Law relied on:";

    /** Maximum characters of the short free texts ({@code *_other}, grounds, source identity, URL, puid). */
    public static final int MAX_SHORT_TEXT = 500;
    /** Maximum characters of {@code illegal_content_explanation} and {@code incompatible_content_explanation}. */
    public static final int MAX_EXPLANATION = 2000;
    /** Maximum characters of {@code decision_facts}. */
    public static final int MAX_FACTS = 5000;
    /** Earliest {@code content_date}. */
    public static final LocalDate CONTENT_DATE_MIN = LocalDate.of(2000, 1, 1);
    /** Earliest {@code application_date}. */
    public static final LocalDate APPLICATION_DATE_MIN = LocalDate.of(2020, 1, 1);
    /** Latest date of any kind. */
    public static final LocalDate DATE_MAX = LocalDate.of(2038, 1, 1);
    /** What a {@code puid} may consist of (plus at most {@link #MAX_SHORT_TEXT} characters). */
    public static final Pattern PUID_PATTERN = Pattern.compile("[a-zA-Z0-9_-]+");
    /** The only {@code content_id} key the API accepts. */
    public static final String CONTENT_ID_EAN_13 = "EAN-13";

    private static final Pattern DATE_PATTERN = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EAN_13_PATTERN = Pattern.compile("\\d{13}");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final ObjectMapper MAPPER = EventCodec.newObjectMapper();

    private static final Set<String> VISIBILITIES = names(DsaDecisionVisibility.values());
    private static final Set<String> MONETARIES = names(DsaDecisionMonetary.values());
    private static final Set<String> PROVISIONS = names(DsaDecisionProvision.values());
    private static final Set<String> ACCOUNTS = names(DsaDecisionAccount.values());
    private static final Set<String> ACCOUNT_TYPES = names(DsaAccountType.values());
    private static final Set<String> GROUNDS = names(DecisionGround.values());
    private static final Set<String> CONTENT_TYPES = names(DsaContentType.values());
    private static final Set<String> CATEGORIES = names(DsaStatementCategory.values());
    private static final Set<String> KEYWORDS = names(DsaKeyword.values());
    private static final Set<String> SOURCE_TYPES = names(SourceType.values());
    private static final Set<String> AUTOMATED_DECISIONS = names(AutomatedDecision.values());
    private static final Set<String> YES_NO =
            Arrays.stream(DsaYesNo.values()).map(DsaYesNo::apiValue).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> TERRITORIES = Set.copyOf(DsaTerritories.EEA);
    private static final Set<String> ATTRIBUTES = Set.copyOf(TransparencyStatement.ATTRIBUTES);

    /** Every violation of {@code statement}; empty when it may be exported and submitted. */
    public List<Violation> validate(TransparencyStatement statement) {
        if (statement == null) {
            return List.of(new Violation("statement", "The statement is missing.", true));
        }
        return validate(statement.toJsonTree());
    }

    /** Every violation of a statement given as JSON text (e.g. one NDJSON line, or a request body). */
    public List<Violation> validateJson(String json) {
        JsonNode node;
        try {
            node = json == null ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of(
                    new Violation("statement", "The statement is not valid JSON: " + e.getOriginalMessage(), true));
        }
        return validate(node);
    }

    /** Every violation of a statement given as a JSON tree. */
    public List<Violation> validate(JsonNode statement) {
        if (statement == null || !statement.isObject()) {
            return List.of(new Violation("statement", "The statement must be a JSON object.", true));
        }
        return new Check(statement).run();
    }

    /** Whether {@code statement} has no violation at all. */
    public boolean isValid(TransparencyStatement statement) {
        return validate(statement).isEmpty();
    }

    /** Throws {@link InvalidStatementException} listing every violation, if there is any. */
    public void requireValid(TransparencyStatement statement) {
        List<Violation> violations = validate(statement);
        if (!violations.isEmpty()) {
            throw new InvalidStatementException(statement == null ? null : statement.puid(), violations);
        }
    }

    /**
     * The violations grouped as the API's 422 body groups them: attribute name to its messages, in
     * the order found. A fake of the API answers {@code {"message": …, "errors": errorsByField(…)}}.
     */
    public static Map<String, List<String>> errorsByField(List<Violation> violations) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Violation violation : violations) {
            errors.computeIfAbsent(violation.field(), f -> new ArrayList<>()).add(violation.message());
        }
        return errors;
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    /** One run over one statement. */
    private static final class Check {
        private final JsonNode node;
        private final List<Violation> violations = new ArrayList<>();
        /** Fields already reported for holding the wrong JSON type, so "required" is not said twice. */
        private final Set<String> typeErrors = new HashSet<>();

        Check(JsonNode node) {
            this.node = node;
        }

        List<Violation> run() {
            decisions();
            grounds();
            content();
            categories();
            territoryAndLanguage();
            dates();
            facts();
            source();
            automation();
            puid();
            unknownAttributes();
            personalData();
            return violations;
        }

        // ----- the four kinds of decision -----------------------------------------------------

        private void decisions() {
            List<String> visibility = enumArray("decision_visibility", VISIBILITIES);
            String monetary = enumValue("decision_monetary", MONETARIES);
            enumValue("decision_provision", PROVISIONS);
            String account = enumValue("decision_account", ACCOUNTS);
            List<String> four =
                    List.of("decision_visibility", "decision_monetary", "decision_provision", "decision_account");
            if (four.stream().noneMatch(this::present)) {
                for (String field : four) {
                    String others = four.stream()
                            .filter(f -> !f.equals(field))
                            .map(Check::label)
                            .collect(Collectors.joining(" / "));
                    reject(
                            field,
                            "The " + label(field) + " field is required when none of " + others + " are present.");
                }
            }
            conditional(
                    "decision_visibility_other",
                    visibility != null && visibility.contains(DsaDecisionVisibility.DECISION_VISIBILITY_OTHER.name()),
                    MAX_SHORT_TEXT,
                    "decision visibility contains DECISION_VISIBILITY_OTHER");
            conditional(
                    "decision_monetary_other",
                    DsaDecisionMonetary.DECISION_MONETARY_OTHER.name().equals(monetary),
                    MAX_SHORT_TEXT,
                    "decision monetary is DECISION_MONETARY_OTHER");
            enumValue("account_type", ACCOUNT_TYPES);
            if (DsaDecisionAccount.DECISION_ACCOUNT_SUSPENDED.name().equals(account)
                    && !present("end_date_account_restriction")) {
                hub(
                        "end_date_account_restriction",
                        "The end date of account restriction is required for a suspension: the hub suspends for a fixed time.");
            }
        }

        // ----- grounds ------------------------------------------------------------------------

        private void grounds() {
            String ground = requiredEnum("decision_ground", GROUNDS);
            boolean illegal =
                    DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT.name().equals(ground);
            boolean incompatible =
                    DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT.name().equals(ground);
            String illegalWhen = "decision ground is DECISION_GROUND_ILLEGAL_CONTENT";
            String incompatibleWhen = "decision ground is DECISION_GROUND_INCOMPATIBLE_CONTENT";
            conditional("illegal_content_legal_ground", illegal, MAX_SHORT_TEXT, illegalWhen);
            conditional("illegal_content_explanation", illegal, MAX_EXPLANATION, illegalWhen);
            conditional("incompatible_content_ground", incompatible, MAX_SHORT_TEXT, incompatibleWhen);
            conditional("incompatible_content_explanation", incompatible, MAX_EXPLANATION, incompatibleWhen);
            String legalGround = text("illegal_content_legal_ground");
            if (illegal && legalGround != null && isPlaceholderGround(legalGround)) {
                hub(
                        "illegal_content_legal_ground",
                        "The illegal content legal ground must name the provision of law relied on "
                                + "(DSA Art. 17(3)(d)), not only the policy category.");
            }
            if (incompatible) {
                enumValue("incompatible_content_illegal", YES_NO);
            } else if (present("incompatible_content_illegal")) {
                hub(
                        "incompatible_content_illegal",
                        "The incompatible content illegal field is dropped by the database unless " + incompatibleWhen
                                + ".");
            }
            String url = text("decision_ground_reference_url");
            if (url != null) {
                maxLength("decision_ground_reference_url", url, MAX_SHORT_TEXT);
                url("decision_ground_reference_url", url);
            }
        }

        // ----- the content ----------------------------------------------------------------------

        private void content() {
            List<String> types = enumArray("content_type", CONTENT_TYPES);
            required("content_type");
            conditional(
                    "content_type_other",
                    types != null && types.contains(DsaContentType.CONTENT_TYPE_OTHER.name()),
                    MAX_SHORT_TEXT,
                    "content type contains CONTENT_TYPE_OTHER");
            JsonNode ids = node.get("content_id");
            if (ids == null || ids.isNull()) {
                return;
            }
            if (!ids.isObject()) {
                reject("content_id", "The content id field must be an object of identifier type to identifier.");
                return;
            }
            for (Map.Entry<String, JsonNode> id : ids.properties()) {
                if (!CONTENT_ID_EAN_13.equals(id.getKey())) {
                    reject(
                            "content_id",
                            "The content id key " + id.getKey() + " is not accepted; the only key is "
                                    + CONTENT_ID_EAN_13 + ".");
                } else if (!id.getValue().isTextual()) {
                    // The documentation does not say whether a JSON number is accepted; the hub sends text.
                    hub("content_id", "The content id " + CONTENT_ID_EAN_13 + " must be a string of 13 digits.");
                } else if (!isEan13(id.getValue().asText())) {
                    hub(
                            "content_id",
                            "The content id " + CONTENT_ID_EAN_13 + " is not 13 digits with a valid check digit.");
                }
            }
        }

        private static boolean isEan13(String code) {
            if (!EAN_13_PATTERN.matcher(code).matches()) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += (code.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            return (10 - sum % 10) % 10 == code.charAt(12) - '0';
        }

        // ----- category, additions, keywords ----------------------------------------------------

        private void categories() {
            String category = requiredEnum("category", CATEGORIES);
            List<String> additions = enumArray("category_addition", CATEGORIES);
            List<String> keywords = enumArray("category_specification", KEYWORDS);
            boolean otherKeyword = keywords != null && keywords.contains(DsaKeyword.KEYWORD_OTHER.name());
            String other = text("category_specification_other");
            if (other != null) {
                maxLength("category_specification_other", other, MAX_SHORT_TEXT);
                if (!otherKeyword) {
                    hub(
                            "category_specification_other",
                            "The category specification other field is dropped by the database unless category specification contains KEYWORD_OTHER.");
                }
            } else if (otherKeyword && !typeErrors.contains("category_specification_other")) {
                hub(
                        "category_specification_other",
                        "The category specification other field is required when category specification contains KEYWORD_OTHER.");
            }
            if (keywords == null || category == null || !CATEGORIES.contains(category)) {
                return;
            }
            Set<String> allowed = new HashSet<>();
            allowed.add(category);
            if (additions != null) {
                allowed.addAll(additions);
            }
            for (String keyword : keywords) {
                if (!KEYWORDS.contains(keyword)) {
                    continue;
                }
                DsaKeyword.valueOf(keyword)
                        .category()
                        .filter(c -> !allowed.contains(c.name()))
                        .ifPresent(c -> hub(
                                "category_specification",
                                "The keyword " + keyword + " specifies " + c.name()
                                        + ", which is neither the category nor in category addition."));
            }
        }

        // ----- territory and language -----------------------------------------------------------

        private void territoryAndLanguage() {
            // The documentation makes territorial_scope required; the validation code lets it be
            // absent. The documentation wins: a statement without scope says nothing useful.
            List<String> scope = stringArray("territorial_scope");
            required("territorial_scope");
            if (scope != null) {
                for (String code : scope) {
                    if (code != null && !TERRITORIES.contains(code)) {
                        reject(
                                "territorial_scope",
                                "The selected territorial scope " + code
                                        + " is invalid: not an EU or EEA member state code.");
                    }
                }
            }
            String language = text("content_language");
            if (language != null && !DsaLanguages.ALL.contains(language)) {
                reject(
                        "content_language",
                        "The selected content language " + language + " is invalid: not an upper-case ISO 639-1 code.");
            }
        }

        // ----- dates ------------------------------------------------------------------------------

        private void dates() {
            LocalDate content = date("content_date", true, CONTENT_DATE_MIN);
            LocalDate application = date("application_date", true, APPLICATION_DATE_MIN);
            if (content != null && application != null && content.isAfter(application)) {
                hub(
                        "content_date",
                        "The content date is after the application date: a decision cannot apply before the content existed.");
            }
            endDate("end_date_account_restriction", application, "decision_account");
            endDate("end_date_monetary_restriction", application, "decision_monetary");
            endDate("end_date_service_restriction", application, "decision_provision");
            endDate("end_date_visibility_restriction", application, "decision_visibility");
        }

        private void endDate(String field, LocalDate application, String decision) {
            LocalDate end = date(field, false, null);
            if (end == null) {
                return;
            }
            if (application != null && end.isBefore(application)) {
                reject(field, "The " + label(field) + " must be a date after or equal to application date.");
            }
            if (!present(decision)) {
                hub(field, "The " + label(field) + " is given but the statement has no " + label(decision) + ".");
            }
        }

        private LocalDate date(String field, boolean required, LocalDate min) {
            if (!present(field)) {
                if (required) {
                    reject(field, "The " + label(field) + " field is required.");
                }
                return null;
            }
            JsonNode value = node.get(field);
            LocalDate date = null;
            if (value.isTextual() && DATE_PATTERN.matcher(value.asText()).matches()) {
                try {
                    date = LocalDate.parse(value.asText());
                } catch (DateTimeParseException e) {
                    date = null;
                }
            }
            if (date == null) {
                reject(field, "The " + label(field) + " does not match the format YYYY-MM-DD.");
                return null;
            }
            if (min != null && date.isBefore(min)) {
                reject(field, "The " + label(field) + " must be a date after or equal to " + min + ".");
            }
            if (date.isAfter(DATE_MAX)) {
                reject(field, "The " + label(field) + " must be a date before or equal to " + DATE_MAX + ".");
            }
            return date;
        }

        // ----- facts, source, automation, puid ----------------------------------------------------

        private void facts() {
            String facts = text("decision_facts");
            required("decision_facts");
            if (facts != null) {
                maxLength("decision_facts", facts, MAX_FACTS);
            }
        }

        private void source() {
            String type = requiredEnum("source_type", SOURCE_TYPES);
            String identity = text("source_identity");
            if (identity != null) {
                maxLength("source_identity", identity, MAX_SHORT_TEXT);
                if (SourceType.SOURCE_VOLUNTARY.name().equals(type)) {
                    hub(
                            "source_identity",
                            "The source identity field is dropped by the database when source type is SOURCE_VOLUNTARY.");
                }
            }
        }

        private void automation() {
            requiredEnum("automated_detection", YES_NO);
            requiredEnum("automated_decision", AUTOMATED_DECISIONS);
        }

        private void puid() {
            String puid = text("puid");
            required("puid");
            if (puid == null) {
                return;
            }
            maxLength("puid", puid, MAX_SHORT_TEXT);
            if (!PUID_PATTERN.matcher(puid).matches()) {
                reject(
                        "puid",
                        "The puid format is invalid: only letters a-z and A-Z, digits, \"-\" and \"_\" are allowed.");
            }
        }

        // ----- whole-statement hub rules --------------------------------------------------------

        private void unknownAttributes() {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!ATTRIBUTES.contains(field)) {
                    hub(field, "The " + field + " field is not an attribute of a statement; the database ignores it.");
                }
            }
        }

        private void personalData() {
            for (String field : TransparencyStatement.ATTRIBUTES) {
                JsonNode value = node.get(field);
                if (value != null && containsEmail(value)) {
                    hub(
                            field,
                            "The " + label(field)
                                    + " contains an email address; a statement must hold no personal data (DSA Art. 24(5)).");
                }
            }
        }

        /** No '@', no address: the cheap test first, as the export validates every statement it streams. */
        private static boolean hasEmail(String text) {
            return text.indexOf('@') >= 0 && EMAIL.matcher(text).find();
        }

        private static boolean containsEmail(JsonNode value) {
            if (value.isTextual()) {
                return hasEmail(value.asText());
            }
            if (value.isContainerNode()) {
                for (JsonNode child : value) {
                    if (containsEmail(child)) {
                        return true;
                    }
                }
                if (value.isObject()) {
                    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                        if (hasEmail(it.next())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        // ----- building blocks ----------------------------------------------------------------------

        /** Present as the API sees it: not null, not a blank string, not an empty array or object. */
        private boolean present(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return false;
            }
            if (value.isTextual()) {
                return !value.asText().isBlank();
            }
            if (value.isContainerNode()) {
                return !value.isEmpty();
            }
            return true;
        }

        /** Call after reading the field, so that a value of the wrong type is reported only as such. */
        private void required(String field) {
            if (!present(field) && !typeErrors.contains(field)) {
                reject(field, "The " + label(field) + " field is required.");
            }
        }

        /** The field's text when present, else null; rejects a value that is not a string. */
        private String text(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                typeErrors.add(field);
                reject(field, "The " + label(field) + " field must be a string.");
                return null;
            }
            return value.asText().isBlank() ? null : value.asText();
        }

        /** The field's strings when it is a non-empty array, else null; rejects anything but an array of strings. */
        private List<String> stringArray(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isArray()) {
                typeErrors.add(field);
                reject(field, "The " + label(field) + " field must be an array.");
                return null;
            }
            if (value.isEmpty()) {
                return null;
            }
            List<String> values = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    reject(field, "The selected " + label(field) + " is invalid: " + element + " is not a string.");
                    continue;
                }
                if (!seen.add(element.asText())) {
                    hub(field, "The " + label(field) + " field repeats " + element.asText() + ".");
                }
                values.add(element.asText());
            }
            return values;
        }

        private List<String> enumArray(String field, Set<String> allowed) {
            List<String> values = stringArray(field);
            if (values != null) {
                for (String value : values) {
                    if (!allowed.contains(value)) {
                        reject(field, "The selected " + label(field) + " " + value + " is invalid.");
                    }
                }
            }
            return values;
        }

        private String enumValue(String field, Set<String> allowed) {
            String value = text(field);
            if (value != null && !allowed.contains(value)) {
                reject(field, "The selected " + label(field) + " " + value + " is invalid.");
            }
            return value;
        }

        private String requiredEnum(String field, Set<String> allowed) {
            String value = enumValue(field, allowed);
            required(field);
            return value;
        }

        /**
         * A text the API requires when {@code applies} and drops otherwise ({@code required_if} plus
         * {@code exclude_unless}): its length is only checked where it applies.
         */
        private void conditional(String field, boolean applies, int max, String when) {
            if (applies) {
                String value = text(field);
                if (value != null) {
                    maxLength(field, value, max);
                } else if (!typeErrors.contains(field)) {
                    reject(field, "The " + label(field) + " field is required when " + when + ".");
                }
            } else if (present(field)) {
                hub(field, "The " + label(field) + " field is dropped by the database unless " + when + ".");
            }
        }

        /** Laravel's {@code max} counts characters (code points), not UTF-16 units. */
        private void maxLength(String field, String value, int max) {
            if (value.codePointCount(0, value.length()) > max) {
                reject(field, "The " + label(field) + " field must not be greater than " + max + " characters.");
            }
        }

        private void url(String field, String value) {
            java.net.URI uri;
            try {
                uri = new java.net.URI(value);
            } catch (java.net.URISyntaxException e) {
                reject(field, "The " + label(field) + " field must be a valid URL.");
                return;
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                reject(field, "The " + label(field) + " field must be a valid URL.");
            } else if (!uri.getScheme().equalsIgnoreCase("https")
                    && !uri.getScheme().equalsIgnoreCase("http")) {
                hub(field, "The " + label(field) + " field must be an http or https URL.");
            }
        }

        /**
         * The ground the hub wrote before it recorded provisions of law ("Law relied on: &lt;category&gt;"): it names no
         * law, so the statement does not meet Art. 17(3)(d).
         */
        private static boolean isPlaceholderGround(String ground) {
            return ground.strip().regionMatches(true, 0, PLACEHOLDER_GROUND, 0, PLACEHOLDER_GROUND.length());
        }

        private void reject(String field, String message) {
            violations.add(new Violation(field, message, true));
        }

        private void hub(String field, String message) {
            violations.add(new Violation(field, message, false));
        }

        private static String label(String field) {
            return field.replace('_', ' ');
        }
    }
}
