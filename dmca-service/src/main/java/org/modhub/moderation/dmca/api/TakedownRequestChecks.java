package org.modhub.moderation.dmca.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.modhub.moderation.dmca.api.Requests.CounterNoticeRequest;
import org.modhub.moderation.dmca.api.Requests.CourtActionRequest;
import org.modhub.moderation.dmca.api.Requests.EvidenceConfirmation;
import org.modhub.moderation.dmca.api.Requests.EvidenceDismissal;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.domain.CounterNoticeInput;
import org.modhub.moderation.dmca.domain.CourtAction;
import org.modhub.moderation.kit.validation.FieldChecks;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The shape of what follows a takedown (sizes, formats), every bad field in one 400: the uploader's
 * counter-notice (its 512(g)(3) elements are {@code CounterNoticeCheck}'s, a 422), the claimant's court
 * action entered by legal, and legal's confirmation or dismissal of mailed evidence.
 */
@ApplicationScoped
public class TakedownRequestChecks {

    private static final int MAX_URL = 2048;

    private final DmcaConfig.Intake limits;

    public TakedownRequestChecks(DmcaConfig config) {
        this.limits = config.intake();
    }

    public CounterNoticeInput counterNotice(CounterNoticeRequest r) {
        if (r == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        String signature = text(check, r.signature(), "signature", false);
        String name = text(check, r.name(), "name", false);
        String address = text(check, r.address(), "address", false);
        String phone = text(check, r.phone(), "phone", false);
        String email = text(check, r.email(), "email", false);
        List<CounterNoticeInput.Item> items = new ArrayList<>();
        if (check.bounded(r.material(), "material", limits.maxItems())) {
            for (int i = 0; i < r.material().size(); i++) {
                Requests.CounterMaterial m = r.material().get(i);
                items.add(
                        m == null
                                ? new CounterNoticeInput.Item(null, null)
                                : new CounterNoticeInput.Item(
                                        text(check, m.url(), "material[" + i + "].url", false),
                                        text(check, m.description(), "material[" + i + "].description", false)));
            }
        }
        check.throwIfAny();
        return new CounterNoticeInput(
                signature,
                items,
                Boolean.TRUE.equals(r.goodFaithUnderPenaltyOfPerjury()),
                name,
                address,
                phone,
                email,
                Boolean.TRUE.equals(r.consentToJurisdiction()),
                Boolean.TRUE.equals(r.consentToServiceOfProcess()));
    }

    /** A court action legal enters: the link to the filed complaint is the evidence, so it is required. */
    public CourtAction courtAction(CourtActionRequest r) {
        if (r == null) {
            throw FieldChecks.bodyRequired();
        }
        return courtAction(r.court(), r.caseNumber(), r.filedOn(), r.documentUrl(), r.note(), true);
    }

    /** As {@link #courtAction}, but the link to the complaint may be left to the evidence mail. */
    public CourtAction confirmation(EvidenceConfirmation r) {
        if (r == null) {
            throw FieldChecks.bodyRequired();
        }
        return courtAction(r.court(), r.caseNumber(), r.filedOn(), r.documentUrl(), r.note(), false);
    }

    /** Why legal dismisses mailed evidence (kept for the audit trail). */
    public String dismissal(EvidenceDismissal r) {
        if (r == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks check = new FieldChecks();
        String reason = text(check, r.reason(), "reason", true);
        check.throwIfAny();
        return reason;
    }

    private CourtAction courtAction(
            String court,
            String caseNumber,
            LocalDate filedOn,
            String documentUrl,
            String note,
            boolean documentRequired) {
        FieldChecks check = new FieldChecks();
        String courtName = text(check, court, "court", true);
        String number = text(check, caseNumber, "caseNumber", true);
        String noteText = text(check, note, "note", false);
        if (filedOn == null) {
            check.add("filedOn", "the date the action was filed is required");
        }
        String document =
                check.httpUrl(documentUrl == null ? null : documentUrl.strip(), "documentUrl", false, MAX_URL);
        if (documentRequired && document == null && !check.failed("documentUrl")) {
            check.add("documentUrl", "a link to the filed complaint (the evidence) is required");
        }
        check.throwIfAny();
        return new CourtAction(courtName, number, filedOn, document, noteText);
    }

    private String text(FieldChecks check, String value, String field, boolean required) {
        return check.text(value, field, required, limits.maxText());
    }
}
