package org.modhub.moderation.appeals.domain;

/** How an appeal arrived. */
public enum AppealChannel {
    /** {@code POST /api/v1/appeals} from the hub. */
    API,
    /** Mail to legal@. */
    EMAIL
}
