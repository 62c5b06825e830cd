package org.modhub.moderation.reporting.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;
import org.modhub.moderation.reporting.config.ReportingConfig;
import org.modhub.moderation.reporting.domain.NewReport;
import org.modhub.moderation.reporting.domain.ReportRules;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks request bodies field by field and turns them into {@link NewReport}s. Every failure is
 * collected and reported at once as a 400 naming each field, before anything is written.
 */
@ApplicationScoped
public class RequestValidator {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"(),;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<SourceType> FLAG_SOURCE_TYPES = Set.of(SourceType.SOURCE_VOLUNTARY,
            SourceType.SOURCE_TYPE_OTHER_NOTIFICATION);

    private final ReportingConfig.Intake config;

    public RequestValidator(ReportingConfig config) {
        this.config = config.intake();
    }

    /** A flag's validated content and its source type. */
    public record ValidFlag(NewReport report, SourceType sourceType, Boolean automatedDetection) {
    }

    public NewReport report(FileReportRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw bodyRequired();
        }
        SubjectRef subject = subject(request.subject(), errors);
        String url = hubUrl(request.subject(), errors);
        PolicyCategory category = category(request.category(), errors);
        PolicySubcategory subcategory = subcategory(category, request.subcategory(), errors);
        String explanation = explanation(request.explanation(), errors);
        List<String> evidence = evidence(request.evidenceUrls(), errors);
        String jurisdiction = jurisdiction(request.jurisdiction(), errors);
        boolean alleges = request.allegesIllegalContent() != null ? request.allegesIllegalContent()
                : category != null && ReportRules.allegesIllegalByDefault(category, subcategory);
        boolean goodFaith = Boolean.TRUE.equals(request.goodFaithStatement());
        if (alleges && !goodFaith) {
            errors.add(new FieldError("goodFaithStatement",
                    "must be true: a notice of illegal content must state the notifier's bona fide belief that it is accurate and complete (DSA Art. 16(2)(d))"));
        }
        String email = null;
        if (request.contactEmail() != null) {
            email = request.contactEmail().trim();
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                errors.add(new FieldError("contactEmail", "must be an e-mail address"));
            }
        }
        failIfAny(errors);
        return new NewReport(subject, url, category, subcategory, explanation, evidence, jurisdiction, alleges, goodFaith,
                email, Boolean.TRUE.equals(request.showReporterPublicly()));
    }

    public ValidFlag flag(FlagRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw bodyRequired();
        }
        SubjectRef subject = subject(request.subject(), errors);
        String url = hubUrl(request.subject(), errors);
        PolicyCategory category = category(request.category(), errors);
        PolicySubcategory subcategory = subcategory(category, request.subcategory(), errors);
        String explanation = explanation(request.explanation(), errors);
        List<String> evidence = evidence(request.evidenceUrls(), errors);
        SourceType sourceType = SourceType.SOURCE_VOLUNTARY;
        if (request.sourceType() != null) {
            sourceType = FLAG_SOURCE_TYPES.stream().filter(t -> t.name().equals(request.sourceType())).findFirst().orElse(null);
            if (sourceType == null) {
                errors.add(new FieldError("sourceType", "must be one of SOURCE_VOLUNTARY, SOURCE_TYPE_OTHER_NOTIFICATION"));
            }
        }
        failIfAny(errors);
        NewReport report = new NewReport(subject, url, category, subcategory, explanation, evidence, null,
                category != null && ReportRules.allegesIllegalByDefault(category, subcategory), false, null, false);
        return new ValidFlag(report, sourceType, request.automatedDetection());
    }

    /** A triage request's category and subcategory. */
    public record ValidTriage(PolicyCategory category, PolicySubcategory subcategory) {
    }

    public ValidTriage triage(TriageRequest request) {
        if (request == null) {
            throw bodyRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        PolicyCategory category = category(request.category(), errors);
        PolicySubcategory subcategory = subcategory(category, request.subcategory(), errors);
        failIfAny(errors);
        return new ValidTriage(category, subcategory);
    }

    /** The Idempotency-Key header: absent, or 1 to the configured length of printable ASCII. */
    public String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        if (header.isEmpty() || header.length() > config.maxIdempotencyKeyLength()
                || !header.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalidField("header.Idempotency-Key",
                    "must be 1 to " + config.maxIdempotencyKeyLength() + " printable ASCII characters");
        }
        return header;
    }

    // --- fields ---

    private SubjectRef subject(SubjectInput input, List<FieldError> errors) {
        if (input == null) {
            errors.add(new FieldError("subject", "is required"));
            return null;
        }
        if (input.kind() == null || input.kind().isBlank()) {
            errors.add(new FieldError("subject.kind", "is required"));
            return null;
        }
        if (SubjectKind.fromKeyPrefix(input.kind()).isEmpty()) {
            errors.add(new FieldError("subject.kind", "must be one of model, dataset, space, file, discussion, pull_request, comment, post, account"));
            return null;
        }
        if (input.id() == null || input.id().isBlank()) {
            errors.add(new FieldError("subject.id", "is required"));
            return null;
        }
        SubjectRef ref;
        try {
            ref = SubjectRef.parse(input.kind() + ":" + input.id());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("subject.id", e.getMessage()));
            return null;
        }
        if (input.path() == null) {
            if (input.revision() != null) {
                errors.add(new FieldError("subject.revision", "is only allowed together with subject.path"));
            }
            return ref;
        }
        if (!ref.isRepository()) {
            errors.add(new FieldError("subject.path", "is only allowed for a model, dataset or space"));
            return null;
        }
        try {
            return SubjectRef.file(ref, input.revision() == null ? "main" : input.revision(), input.path());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(e.getMessage().contains("revision") ? "subject.revision" : "subject.path", e.getMessage()));
            return null;
        }
    }

    private String hubUrl(SubjectInput input, List<FieldError> errors) {
        if (input == null || input.url() == null) {
            return null;
        }
        String problem = httpUrlProblem(input.url());
        if (problem != null) {
            errors.add(new FieldError("subject.url", problem));
            return null;
        }
        return input.url();
    }

    private static PolicyCategory category(String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError("category", "is required"));
            return null;
        }
        try {
            return Taxonomy.category(code);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("category", e.getMessage()));
            return null;
        }
    }

    private static PolicySubcategory subcategory(PolicyCategory category, String code, List<FieldError> errors) {
        if (code == null) {
            return null;
        }
        try {
            PolicySubcategory subcategory = Taxonomy.subcategory(code);
            if (category != null) {
                Taxonomy.requireConsistent(category, subcategory);
            }
            return subcategory;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("subcategory", e.getMessage()));
            return null;
        }
    }

    private String explanation(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("explanation", "is required"));
            return null;
        }
        if (text.length() > config.maxExplanationLength()) {
            errors.add(new FieldError("explanation", "must be at most " + config.maxExplanationLength() + " characters"));
            return null;
        }
        return text.strip();
    }

    private List<String> evidence(List<String> urls, List<FieldError> errors) {
        if (urls == null) {
            return List.of();
        }
        if (urls.size() > config.maxEvidenceLinks()) {
            errors.add(new FieldError("evidenceUrls", "must hold at most " + config.maxEvidenceLinks() + " links"));
            return List.of();
        }
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String problem = httpUrlProblem(urls.get(i));
            if (problem != null) {
                errors.add(new FieldError("evidenceUrls[" + i + "]", problem));
            } else {
                valid.add(urls.get(i));
            }
        }
        return List.copyOf(valid);
    }

    /** Null if {@code value} is an absolute http(s) URL with a host within the length bound. */
    private String httpUrlProblem(String value) {
        if (value == null || value.isBlank()) {
            return "must be an http or https URL";
        }
        if (value.length() > config.maxUrlLength()) {
            return "must be at most " + config.maxUrlLength() + " characters";
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                return "must be an absolute http or https URL";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
    }

    private static String jurisdiction(String code, List<FieldError> errors) {
        if (code == null) {
            return null;
        }
        if (!code.matches("[A-Z]{2}") || !COUNTRIES.contains(code)) {
            errors.add(new FieldError("jurisdiction", "must be an ISO 3166-1 alpha-2 country code like 'DE'"));
            return null;
        }
        return code;
    }

    private static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemKind.VALIDATION, detail, errors);
        }
    }

    private static ProblemException bodyRequired() {
        return new ProblemException(ProblemKind.VALIDATION, "A JSON body is required",
                List.of(new FieldError("body", "is required")));
    }
}
