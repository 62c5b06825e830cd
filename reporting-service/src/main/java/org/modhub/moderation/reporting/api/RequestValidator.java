package org.modhub.moderation.reporting.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.subject.HubLinks;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.FieldChecks;
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

    private static final Set<SourceType> FLAG_SOURCE_TYPES =
            Set.of(SourceType.SOURCE_VOLUNTARY, SourceType.SOURCE_TYPE_OTHER_NOTIFICATION);

    static final int MAX_REASON_LENGTH = 2000;

    private final ReportingConfig.Intake config;
    private final URI hub;
    private final HubLinks hubLinks;

    public RequestValidator(ReportingConfig config) {
        this.config = config.intake();
        this.hub = URI.create(config.intake().hubBaseUrl());
        this.hubLinks = new HubLinks(config.intake().hubBaseUrl());
    }

    /** A flag's validated content and its source type. */
    public record ValidFlag(NewReport report, SourceType sourceType, Boolean automatedDetection) {}

    public NewReport report(FileReportRequest request) {
        if (request == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        Content content = content(
                request.subject(),
                request.category(),
                request.subcategory(),
                request.explanation(),
                request.evidenceUrls(),
                check);
        String jurisdiction = check.country(request.jurisdiction(), "jurisdiction", false);
        boolean alleges =
                request.allegesIllegalContent() != null ? request.allegesIllegalContent() : content.allegesByDefault();
        boolean goodFaith = Boolean.TRUE.equals(request.goodFaithStatement());
        if (alleges && !goodFaith) {
            check.add(
                    "goodFaithStatement",
                    "must be true: a notice of illegal content must state the notifier's bona fide belief that it is accurate and complete (DSA Art. 16(2)(d))");
        }
        String email = check.email(request.contactEmail(), "contactEmail", false);
        check.throwIfAny();
        return new NewReport(
                content.subject(),
                content.url(),
                content.category(),
                content.subcategory(),
                content.explanation(),
                content.evidence(),
                jurisdiction,
                alleges,
                goodFaith,
                email,
                Boolean.TRUE.equals(request.showReporterPublicly()));
    }

    public ValidFlag flag(FlagRequest request) {
        if (request == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        Content content = content(
                request.subject(),
                request.category(),
                request.subcategory(),
                request.explanation(),
                request.evidenceUrls(),
                check);
        SourceType sourceType = SourceType.SOURCE_VOLUNTARY;
        if (request.sourceType() != null) {
            sourceType = FLAG_SOURCE_TYPES.stream()
                    .filter(t -> t.name().equals(request.sourceType()))
                    .findFirst()
                    .orElse(null);
            if (sourceType == null) {
                check.add("sourceType", "must be one of SOURCE_VOLUNTARY, SOURCE_TYPE_OTHER_NOTIFICATION");
            }
        }
        check.throwIfAny();
        NewReport report = new NewReport(
                content.subject(),
                content.url(),
                content.category(),
                content.subcategory(),
                content.explanation(),
                content.evidence(),
                null,
                content.allegesByDefault(),
                false,
                null,
                false);
        return new ValidFlag(report, sourceType, request.automatedDetection());
    }

    /** A triage request's category and subcategory. */
    public record ValidTriage(PolicyCategory category, PolicySubcategory subcategory) {}

    public ValidTriage triage(TriageRequest request) {
        if (request == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        PolicyCategory category = check.category(request.category(), "category", true);
        PolicySubcategory subcategory = check.subcategory(category, request.subcategory(), "subcategory", false);
        check.throwIfAny();
        return new ValidTriage(category, subcategory);
    }

    /** The optional reason of a withdrawal (the body itself is optional). */
    public String withdrawalReason(WithdrawRequest request) {
        if (request == null) {
            return null;
        }
        FieldChecks check = new FieldChecks();
        String reason = check.text(request.reason(), "reason", false, MAX_REASON_LENGTH);
        check.throwIfAny();
        return reason;
    }

    /** The Idempotency-Key header: absent, or 1 to the configured length of printable ASCII. */
    public String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        if (header.isEmpty()
                || header.length() > config.maxIdempotencyKeyLength()
                || !header.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalidField(
                    "header.Idempotency-Key",
                    "must be 1 to " + config.maxIdempotencyKeyLength() + " printable ASCII characters");
        }
        return header;
    }

    // --- fields ---

    /** What a report and a flag both carry: the subject, its category, the words and the evidence links. */
    private record Content(
            SubjectRef subject,
            String url,
            PolicyCategory category,
            PolicySubcategory subcategory,
            String explanation,
            List<String> evidence) {

        boolean allegesByDefault() {
            return category != null && ReportRules.allegesIllegalByDefault(category, subcategory);
        }
    }

    private Content content(
            SubjectInput subjectInput,
            String categoryCode,
            String subcategoryCode,
            String explanationText,
            List<String> evidenceUrls,
            FieldChecks check) {
        String url = hubUrl(subjectInput, check);
        SubjectRef subject = subject(subjectInput, url, check);
        PolicyCategory category = check.category(categoryCode, "category", true);
        PolicySubcategory subcategory = check.subcategory(category, subcategoryCode, "subcategory", false);
        String explanation = check.text(explanationText, "explanation", true, config.maxExplanationLength());
        List<String> evidence =
                check.httpUrls(evidenceUrls, "evidenceUrls", config.maxEvidenceLinks(), config.maxUrlLength());
        return new Content(subject, url, category, subcategory, explanation, evidence);
    }

    private SubjectRef subject(SubjectInput input, String url, FieldChecks check) {
        if (input == null) {
            check.add("subject", "is required");
            return null;
        }
        if (blank(input.kind()) && blank(input.id()) && input.path() == null && input.revision() == null) {
            // Only the page the notifier was looking at: the subject is what that hub URL names.
            if (url == null) {
                if (!check.failed("subject.url")) {
                    check.add("subject.kind", "is required");
                }
                return null;
            }
            SubjectRef named = hubLinks.subject(url).orElse(null);
            if (named == null) {
                check.add(
                        "subject.url", "names no model, dataset, Space, discussion, file, post or account on the hub");
            }
            return named;
        }
        if (input.kind() == null || input.kind().isBlank()) {
            check.add("subject.kind", "is required");
            return null;
        }
        if (SubjectKind.fromKeyPrefix(input.kind()).isEmpty()) {
            check.add(
                    "subject.kind",
                    "must be one of model, dataset, space, file, discussion, pull_request, comment, post, account");
            return null;
        }
        if (input.id() == null || input.id().isBlank()) {
            check.add("subject.id", "is required");
            return null;
        }
        SubjectRef ref;
        try {
            ref = SubjectRef.parse(input.kind() + ":" + input.id());
        } catch (IllegalArgumentException e) {
            check.add("subject.id", e.getMessage());
            return null;
        }
        if (input.path() == null) {
            if (input.revision() != null) {
                check.add("subject.revision", "is only allowed together with subject.path");
            }
            return ref;
        }
        if (!ref.isRepository()) {
            check.add("subject.path", "is only allowed for a model, dataset or space");
            return null;
        }
        try {
            return SubjectRef.file(ref, input.revision() == null ? "main" : input.revision(), input.path());
        } catch (IllegalArgumentException e) {
            check.add(e.getMessage().contains("revision") ? "subject.revision" : "subject.path", e.getMessage());
            return null;
        }
    }

    /**
     * The hub page the notifier was looking at: a link on the hub itself (its scheme, host and port, no user-info), so
     * what a report names is always hub content, never another address.
     */
    private String hubUrl(SubjectInput input, FieldChecks check) {
        String url = input == null ? null : check.httpUrl(input.url(), "subject.url", false, config.maxUrlLength());
        if (url != null && !onTheHub(url)) {
            check.add("subject.url", "must be a link on the hub (" + hub + ")");
            return null;
        }
        return url;
    }

    private boolean onTheHub(String url) {
        URI link;
        try {
            link = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        return link.getRawUserInfo() == null
                && hub.getScheme().equalsIgnoreCase(link.getScheme())
                && port(hub) == port(link)
                && hubLinks.isHubLink(url);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
