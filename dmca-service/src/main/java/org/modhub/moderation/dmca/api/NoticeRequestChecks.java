package org.modhub.moderation.dmca.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.api.Requests.DecisionRequest;
import org.modhub.moderation.dmca.api.Requests.NoticeRequest;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.domain.NoticeCheck;
import org.modhub.moderation.dmca.domain.NoticeInput;
import org.modhub.moderation.dmca.domain.OwnerChoice;
import org.modhub.moderation.dmca.domain.RejectionReason;
import org.modhub.moderation.kit.validation.FieldChecks;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The shape of a notice and of legal's decision on it (sizes, formats), every bad field in one 400.
 * Whether a notice has its statutory elements is not a shape question: that is {@link NoticeCheck},
 * and an incomplete notice is kept.
 */
@ApplicationScoped
public class NoticeRequestChecks {

    /** Legal accepts, choosing uploaders among the hub's owners (none: each subject's primary owner). */
    public record Acceptance(List<OwnerChoice> owners, String note) {}

    /** Legal rejects, with the reason and what the claimant is told. */
    public record Rejection(RejectionReason reason, String explanation) {}

    private final DmcaConfig.Intake limits;

    public NoticeRequestChecks(DmcaConfig config) {
        this.limits = config.intake();
    }

    public NoticeInput notice(NoticeRequest r) {
        if (r == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        String signature = text(check, r.signature(), "signature");
        List<NoticeInput.Work> works = new ArrayList<>();
        if (bounded(check, r.copyrightedWorks(), "copyrightedWorks")) {
            for (int i = 0; i < r.copyrightedWorks().size(); i++) {
                Requests.Work w = r.copyrightedWorks().get(i);
                if (w != null) {
                    String field = "copyrightedWorks[" + i + "]";
                    works.add(new NoticeInput.Work(
                            text(check, w.description(), field + ".description"),
                            text(check, w.url(), field + ".url")));
                }
            }
        }
        List<NoticeInput.Material> material = new ArrayList<>();
        if (bounded(check, r.infringingMaterial(), "infringingMaterial")) {
            for (int i = 0; i < r.infringingMaterial().size(); i++) {
                Requests.Material m = r.infringingMaterial().get(i);
                String field = "infringingMaterial[" + i + "]";
                material.add(
                        m == null
                                ? new NoticeInput.Material(null, null)
                                : new NoticeInput.Material(
                                        text(check, m.url(), field + ".url"),
                                        text(check, m.description(), field + ".description")));
            }
        }
        Requests.Contact c = r.contact();
        NoticeInput.Contact contact = c == null
                ? null
                : new NoticeInput.Contact(
                        text(check, c.name(), "contact.name"),
                        text(check, c.organisation(), "contact.organisation"),
                        text(check, c.email(), "contact.email"),
                        text(check, c.address(), "contact.address"),
                        text(check, c.phone(), "contact.phone"));
        check.throwIfAny();
        return new NoticeInput(
                r.revisionOf(),
                signature,
                works,
                material,
                contact,
                Boolean.TRUE.equals(r.goodFaithStatement()),
                Boolean.TRUE.equals(r.accuracyStatement()),
                Boolean.TRUE.equals(r.authorityUnderPenaltyOfPerjury()));
    }

    /** An acceptance: optionally each uploader's hub account id and subject keys. */
    public Acceptance acceptance(DecisionRequest r) {
        FieldChecks check = new FieldChecks();
        List<OwnerChoice> owners = new ArrayList<>();
        if (r.owners() != null && bounded(check, r.owners(), "owners")) {
            for (int i = 0; i < r.owners().size(); i++) {
                OwnerChoice owner = owner(check, r.owners().get(i), "owners[" + i + "]");
                if (owner != null) {
                    owners.add(owner);
                }
            }
        }
        String note = text(check, r.note(), "note");
        check.throwIfAny();
        return new Acceptance(owners, note);
    }

    /** A rejection: one of the reasons (any case) and an explanation for the claimant. */
    public Rejection rejection(DecisionRequest r) {
        FieldChecks check = new FieldChecks();
        RejectionReason reason = check.oneOf(
                RejectionReason.class,
                r.reason() == null ? null : r.reason().strip().toUpperCase(Locale.ROOT),
                "reason",
                true);
        String explanation = check.text(r.explanation(), "explanation", true, limits.maxText());
        check.throwIfAny();
        return new Rejection(reason, explanation);
    }

    private OwnerChoice owner(FieldChecks check, Requests.OwnerRequest o, String field) {
        if (o == null) {
            check.add(field, "must not be null");
            return null;
        }
        String id = check.text(o.id(), field + ".id", true, limits.maxText());
        List<SubjectRef> subjects = new ArrayList<>();
        if (o.subjects() != null) {
            for (int j = 0; j < o.subjects().size(); j++) {
                SubjectRef subject = check.subjectKey(o.subjects().get(j), field + ".subjects[" + j + "]", true);
                if (subject != null) {
                    subjects.add(subject);
                }
            }
        }
        return new OwnerChoice(id, subjects);
    }

    /** Free text within the intake's bound; absent or blank is null (the statutory check decides what is required). */
    private String text(FieldChecks check, String value, String field) {
        return check.text(value, field, false, limits.maxText());
    }

    private boolean bounded(FieldChecks check, List<?> list, String field) {
        return check.bounded(list, field, limits.maxItems());
    }
}
