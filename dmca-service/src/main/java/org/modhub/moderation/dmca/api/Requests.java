package org.modhub.moderation.dmca.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the DMCA API; each element of the statute is its own field. */
public final class Requests {

    private Requests() {}

    /**
     * A takedown notice under 17 U.S.C. 512(c)(3)(A).
     *
     * @param revisionOf the incomplete notice this one revises, if any
     * @param signature (i) physical or electronic signature
     * @param copyrightedWorks (ii) the work(s) claimed to be infringed
     * @param infringingMaterial (iii) the infringing material, by hub URL
     * @param contact (iv) the complaining party's contact details
     * @param goodFaithStatement (v) good-faith belief that the use is not authorised
     * @param accuracyStatement (vi) the information is accurate
     * @param authorityUnderPenaltyOfPerjury (vi) under penalty of perjury, authorised to act for the owner
     */
    public record NoticeRequest(
            UUID revisionOf,
            String signature,
            List<Work> copyrightedWorks,
            List<Material> infringingMaterial,
            Contact contact,
            Boolean goodFaithStatement,
            Boolean accuracyStatement,
            Boolean authorityUnderPenaltyOfPerjury) {}

    public record Work(String description, String url) {}

    public record Material(String url, String description) {}

    /** @param organisation the company the claimant is or acts for; a company's name is kept in the public archive */
    public record Contact(String name, String organisation, String email, String address, String phone) {}

    /**
     * Legal's decision on a notice.
     *
     * @param decision ACCEPT or REJECT
     * @param owners for ACCEPT, optional: the uploaders chosen among the owners the hub directory gives
     *     ({@code GET .../notices/{id}/owners}); omitted, each subject goes to its primary owner
     * @param reason for REJECT: INSUFFICIENT, FAIR_USE_EVIDENT, NOT_HOSTED_HERE or ABUSIVE_OR_FRAUDULENT
     * @param explanation for REJECT: told to the claimant
     * @param note an internal note
     */
    public record DecisionRequest(
            String decision, List<OwnerRequest> owners, String reason, String explanation, String note) {}

    /**
     * An uploader legal chooses; their name, e-mail and language come from the hub directory.
     *
     * @param id the hub account id, one of the owners of each of the subjects
     * @param subjects the notice's subject keys that are this uploader's; omitted when there is one uploader
     */
    public record OwnerRequest(String id, List<String> subjects) {}

    /** A counter-notice under 17 U.S.C. 512(g)(3). */
    public record CounterNoticeRequest(
            String signature,
            List<CounterMaterial> material,
            Boolean goodFaithUnderPenaltyOfPerjury,
            String name,
            String address,
            String phone,
            String email,
            Boolean consentToJurisdiction,
            Boolean consentToServiceOfProcess) {}

    public record CounterMaterial(String url, String description) {}

    /** The claimant's evidence of a court action (512(g)(2)(C)). */
    public record CourtActionRequest(
            String court, String caseNumber, LocalDate filedOn, String documentUrl, String note) {}

    /**
     * Legal confirms mailed evidence as a court action (512(g)(2)(C)), naming what the mail shows.
     *
     * @param counterNoticeId which counter-notice it answers, needed only when the notice has several open
     * @param documentUrl where the filed complaint can be read; the first link of the mail when omitted
     */
    public record EvidenceConfirmation(
            UUID counterNoticeId,
            String court,
            String caseNumber,
            LocalDate filedOn,
            String documentUrl,
            String note) {}

    /** Legal finds a mail is no evidence of a court action, and says why (kept for the audit trail). */
    public record EvidenceDismissal(String reason) {}
}
