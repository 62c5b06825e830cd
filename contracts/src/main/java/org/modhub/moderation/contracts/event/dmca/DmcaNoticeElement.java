package org.modhub.moderation.contracts.event.dmca;

/** The six elements a takedown notice must substantially include under 17 U.S.C. 512(c)(3)(A). */
public enum DmcaNoticeElement {
    /** (i) A physical or electronic signature of a person authorised to act for the owner. */
    SIGNATURE,
    /** (ii) Identification of the copyrighted work claimed to be infringed. */
    WORK_IDENTIFIED,
    /** (iii) Identification of the infringing material, with information to locate it. */
    MATERIAL_IDENTIFIED,
    /** (iv) Information to contact the complaining party. */
    CONTACT_INFORMATION,
    /** (v) A statement of good-faith belief that the use is not authorised. */
    GOOD_FAITH_STATEMENT,
    /** (vi) A statement that the notice is accurate and, under penalty of perjury, that the sender is authorised. */
    ACCURACY_AND_AUTHORITY_STATEMENT
}
