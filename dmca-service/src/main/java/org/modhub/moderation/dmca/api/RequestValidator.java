package org.modhub.moderation.dmca.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.api.Requests.CounterNoticeRequest;
import org.modhub.moderation.dmca.api.Requests.CourtActionRequest;
import org.modhub.moderation.dmca.api.Requests.NoticeRequest;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.domain.CounterNoticeInput;
import org.modhub.moderation.dmca.domain.CourtAction;
import org.modhub.moderation.contracts.subject.HubLinks;
import org.modhub.moderation.dmca.domain.NoticeCheck;
import org.modhub.moderation.dmca.domain.NoticeInput;
import org.modhub.moderation.dmca.domain.Owner;
import org.modhub.moderation.dmca.domain.RejectionReason;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks the shape of request bodies (sizes, types, formats) and reports every bad field at once
 * as a 400. Whether a notice has its statutory elements is not a shape question: that is
 * {@link NoticeCheck}, and an incomplete notice is kept.
 */
@ApplicationScoped
public class RequestValidator {

    private final DmcaConfig.Intake config;

    public RequestValidator(DmcaConfig config) {
        this.config = config.intake();
    }

    public NoticeInput notice(NoticeRequest r) {
        if (r == null) {
            throw bodyRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        text(r.signature(), "signature", errors);
        List<NoticeInput.Work> works = new ArrayList<>();
        if (r.copyrightedWorks() != null) {
            size(r.copyrightedWorks(), "copyrightedWorks", errors);
            for (int i = 0; i < r.copyrightedWorks().size(); i++) {
                Requests.Work w = r.copyrightedWorks().get(i);
                if (w != null) {
                    text(w.description(), "copyrightedWorks[" + i + "].description", errors);
                    text(w.url(), "copyrightedWorks[" + i + "].url", errors);
                    works.add(new NoticeInput.Work(w.description(), w.url()));
                }
            }
        }
        List<NoticeInput.Material> material = new ArrayList<>();
        if (r.infringingMaterial() != null) {
            size(r.infringingMaterial(), "infringingMaterial", errors);
            for (int i = 0; i < r.infringingMaterial().size(); i++) {
                Requests.Material m = r.infringingMaterial().get(i);
                text(m == null ? null : m.url(), "infringingMaterial[" + i + "].url", errors);
                text(m == null ? null : m.description(), "infringingMaterial[" + i + "].description", errors);
                material.add(m == null ? new NoticeInput.Material(null, null) : new NoticeInput.Material(m.url(), m.description()));
            }
        }
        NoticeInput.Contact contact = null;
        if (r.contact() != null) {
            Requests.Contact c = r.contact();
            text(c.name(), "contact.name", errors);
            text(c.organisation(), "contact.organisation", errors);
            text(c.email(), "contact.email", errors);
            text(c.address(), "contact.address", errors);
            text(c.phone(), "contact.phone", errors);
            contact = new NoticeInput.Contact(c.name(), c.organisation(), c.email(), c.address(), c.phone());
        }
        fail(errors);
        return new NoticeInput(r.revisionOf(), r.signature(), works, material, contact, Boolean.TRUE.equals(r.goodFaithStatement()),
                Boolean.TRUE.equals(r.accuracyStatement()), Boolean.TRUE.equals(r.authorityUnderPenaltyOfPerjury()));
    }

    public List<Owner> owners(List<Requests.OwnerRequest> owners) {
        List<FieldError> errors = new ArrayList<>();
        if (owners == null || owners.isEmpty()) {
            throw ProblemException.invalidField("owners", "name the uploader(s) of the content to take down");
        }
        size(owners, "owners", errors);
        List<Owner> result = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            Requests.OwnerRequest o = owners.get(i);
            String p = "owners[" + i + "]";
            if (o == null) {
                errors.add(new FieldError(p, "must not be null"));
                continue;
            }
            required(o.id(), p + ".id", errors);
            required(o.name(), p + ".name", errors);
            if (o.name() != null && !o.name().isBlank()) {
                try {
                    SubjectRef.account(o.name().strip());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(p + ".name", "is not a hub account name: " + e.getMessage()));
                }
            }
            if (!NoticeCheck.isEmail(o.email())) {
                errors.add(new FieldError(p + ".email", "must be the uploader's email address"));
            }
            List<SubjectRef> subjects = new ArrayList<>();
            if (o.subjects() != null) {
                for (int j = 0; j < o.subjects().size(); j++) {
                    try {
                        subjects.add(SubjectRef.parse(o.subjects().get(j)));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        errors.add(new FieldError(p + ".subjects[" + j + "]", "is not a subject key"));
                    }
                }
            }
            result.add(new Owner(o.id() == null ? null : o.id().strip(), o.name() == null ? null : o.name().strip(),
                    o.email() == null ? null : o.email().strip(), subjects));
        }
        fail(errors);
        return result;
    }

    public RejectionReason reason(String reason) {
        if (reason == null) {
            throw ProblemException.invalidField("reason", "required to reject: one of " + java.util.Arrays.toString(RejectionReason.values()));
        }
        try {
            return RejectionReason.valueOf(reason.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("reason", "must be one of " + java.util.Arrays.toString(RejectionReason.values()));
        }
    }

    public String explanation(String explanation) {
        if (explanation == null || explanation.isBlank()) {
            throw ProblemException.invalidField("explanation", "tell the claimant why the notice is rejected");
        }
        List<FieldError> errors = new ArrayList<>();
        text(explanation, "explanation", errors);
        fail(errors);
        return explanation.strip();
    }

    public String note(String note) {
        List<FieldError> errors = new ArrayList<>();
        text(note, "note", errors);
        fail(errors);
        return note;
    }

    public CounterNoticeInput counterNotice(CounterNoticeRequest r) {
        if (r == null) {
            throw bodyRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        text(r.signature(), "signature", errors);
        text(r.name(), "name", errors);
        text(r.address(), "address", errors);
        text(r.phone(), "phone", errors);
        text(r.email(), "email", errors);
        List<CounterNoticeInput.Item> items = new ArrayList<>();
        if (r.material() != null) {
            size(r.material(), "material", errors);
            for (int i = 0; i < r.material().size(); i++) {
                Requests.CounterMaterial m = r.material().get(i);
                text(m == null ? null : m.url(), "material[" + i + "].url", errors);
                text(m == null ? null : m.description(), "material[" + i + "].description", errors);
                items.add(m == null ? new CounterNoticeInput.Item(null, null) : new CounterNoticeInput.Item(m.url(), m.description()));
            }
        }
        fail(errors);
        return new CounterNoticeInput(r.signature(), items, Boolean.TRUE.equals(r.goodFaithUnderPenaltyOfPerjury()), r.name(),
                r.address(), r.phone(), r.email(), Boolean.TRUE.equals(r.consentToJurisdiction()),
                Boolean.TRUE.equals(r.consentToServiceOfProcess()));
    }

    public CourtAction courtAction(CourtActionRequest r) {
        if (r == null) {
            throw bodyRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        required(r.court(), "court", errors);
        required(r.caseNumber(), "caseNumber", errors);
        text(r.court(), "court", errors);
        text(r.caseNumber(), "caseNumber", errors);
        text(r.note(), "note", errors);
        if (r.filedOn() == null) {
            errors.add(new FieldError("filedOn", "the date the action was filed is required"));
        }
        if (r.documentUrl() == null || r.documentUrl().isBlank()) {
            errors.add(new FieldError("documentUrl", "a link to the filed complaint (the evidence) is required"));
        } else {
            url(r.documentUrl(), "documentUrl", errors);
        }
        fail(errors);
        return new CourtAction(r.court().strip(), r.caseNumber().strip(), r.filedOn(), r.documentUrl().strip(), r.note());
    }

    /** As {@link #courtAction}, but the link to the complaint may be left to the evidence mail. */
    public CourtAction confirmation(Requests.EvidenceConfirmation r) {
        if (r == null) {
            throw bodyRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        required(r.court(), "court", errors);
        required(r.caseNumber(), "caseNumber", errors);
        text(r.court(), "court", errors);
        text(r.caseNumber(), "caseNumber", errors);
        text(r.note(), "note", errors);
        if (r.filedOn() == null) {
            errors.add(new FieldError("filedOn", "the date the action was filed is required"));
        }
        url(r.documentUrl(), "documentUrl", errors);
        fail(errors);
        return new CourtAction(r.court().strip(), r.caseNumber().strip(), r.filedOn(),
                r.documentUrl() == null || r.documentUrl().isBlank() ? null : r.documentUrl().strip(), r.note());
    }

    public String dismissal(Requests.EvidenceDismissal r) {
        if (r == null) {
            throw bodyRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        required(r.reason(), "reason", errors);
        text(r.reason(), "reason", errors);
        fail(errors);
        return r.reason().strip();
    }

    // --- helpers ---

    private void text(String value, String field, List<FieldError> errors) {
        if (value != null && value.length() > config.maxText()) {
            errors.add(new FieldError(field, "must be at most " + config.maxText() + " characters"));
        }
    }

    private void url(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.length() > 2048 || !HubLinks.links(value).contains(value.strip())) {
            errors.add(new FieldError(field, "must be an http(s) URL of at most 2048 characters"));
        }
    }

    private void size(List<?> list, String field, List<FieldError> errors) {
        if (list.size() > config.maxItems()) {
            errors.add(new FieldError(field, "must list at most " + config.maxItems() + " items"));
        }
    }

    private static void required(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Invalid fields: "
                    + String.join(", ", errors.stream().map(FieldError::field).toList()), errors);
        }
    }

    private static ProblemException bodyRequired() {
        return new ProblemException(ProblemKind.VALIDATION, "A request body is required", List.of(new FieldError("body", "is required")));
    }
}
