package org.modhub.moderation.dmca.domain;

import java.util.List;

/**
 * A counter-notice as sent, each element of 17 U.S.C. 512(g)(3) in its own field.
 *
 * @param signature (A) physical or electronic signature of the subscriber
 * @param material (B) the material removed and where it appeared before removal
 * @param goodFaithUnderPenaltyOfPerjury (C) the statement that it was removed by mistake or misidentification
 * @param name (D) name
 * @param address (D) address
 * @param phone (D) telephone number
 * @param email where to send what follows (optional: the takedown's address otherwise)
 * @param consentToJurisdiction (D) consent to the jurisdiction of the Federal District Court
 * @param consentToServiceOfProcess (D) consent to accept service of process from the claimant
 */
public record CounterNoticeInput(
        String signature,
        List<Item> material,
        boolean goodFaithUnderPenaltyOfPerjury,
        String name,
        String address,
        String phone,
        String email,
        boolean consentToJurisdiction,
        boolean consentToServiceOfProcess) {

    /** (B) one item: its hub URL (where it appeared) and what it is. */
    public record Item(String url, String description) {}
}
