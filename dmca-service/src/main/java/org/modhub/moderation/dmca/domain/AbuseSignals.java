package org.modhub.moderation.dmca.domain;

/**
 * What the policy asks legal to weigh before accepting a notice ("isn't abusive"): the claimant's
 * history, the same claimant targeting the same uploader repeatedly, and mass notices.
 *
 * @param noticesSent notices the same sender sent (revisions not counted twice), this one included
 * @param accepted of those, accepted
 * @param rejected of those, rejected
 * @param rejectedShare rejected among the decided ones, 0 to 1; null when none was decided
 * @param sameTargetNotices other notices of this sender naming content in the same namespaces (uploaders)
 * @param noticesLast24h notices from this sender in the 24 hours before this one, this one included
 * @param materialItems items this notice names
 * @param massNotice whether the volume looks like mass notice-sending
 */
public record AbuseSignals(int noticesSent, int accepted, int rejected, Double rejectedShare, int sameTargetNotices,
        int noticesLast24h, int materialItems, boolean massNotice) {

    /** Notices within a day, or items in one notice, from which sending counts as mass. */
    public static final int MASS_PER_DAY = 10;
    public static final int MASS_ITEMS = 25;
}
