package org.modhub.moderation.dmca.domain;

/** Why legal rejects a notice. */
public enum RejectionReason {
    /** It does not substantially comply with 512(c)(3)(A). */
    INSUFFICIENT,
    /** The use is evidently fair use (17 U.S.C. 107). */
    FAIR_USE_EVIDENT,
    /** The material is not hosted on the hub. */
    NOT_HOSTED_HERE,
    /** The notice is abusive or fraudulent (512(f)). */
    ABUSIVE_OR_FRAUDULENT
}
