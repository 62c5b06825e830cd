package org.modhub.moderation.contracts.event.privacy;

/** What a service did with one item of a person's data when answering a request. */
public enum ItemTreatment {
    /** Found and reported (an access request changes nothing). */
    FOUND,
    /** Deleted. */
    ERASED,
    /** Kept, with everything that identified the person replaced by an anonymous reference. */
    ANONYMISED,
    /** Kept as it is under a legal hold, which the item names; it goes when the hold ends. */
    HELD
}
