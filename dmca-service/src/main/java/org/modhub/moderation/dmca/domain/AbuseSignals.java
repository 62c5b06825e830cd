package org.modhub.moderation.dmca.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.persistence.NoticeEntity;

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
public record AbuseSignals(
        int noticesSent,
        int accepted,
        int rejected,
        Double rejectedShare,
        int sameTargetNotices,
        int noticesLast24h,
        int materialItems,
        boolean massNotice) {

    /** Notices within a day, or items in one notice, from which sending counts as mass. */
    public static final int MASS_PER_DAY = 10;

    public static final int MASS_ITEMS = 25;

    /**
     * The signals of {@code notice} from {@code senderNotices}, every notice of its sender that no
     * revision superseded (this one included); a notice without a usable sender email stands alone.
     */
    public static AbuseSignals of(NoticeEntity notice, List<NoticeEntity> senderNotices) {
        int items = notice.elements.material().size();
        if (notice.senderEmail == null) {
            return new AbuseSignals(1, 0, 0, null, 0, 1, items, false);
        }
        Set<String> namespaces = namespaces(notice);
        Instant dayBefore = notice.receivedAt.minus(Duration.ofHours(24));
        int accepted = (int) senderNotices.stream()
                .filter(n -> n.status == NoticeStatus.ACCEPTED)
                .count();
        int rejected = (int) senderNotices.stream()
                .filter(n -> n.status == NoticeStatus.REJECTED)
                .count();
        int sameTarget = (int) senderNotices.stream()
                .filter(n -> !n.id.equals(notice.id))
                .filter(n -> namespaces(n).stream().anyMatch(namespaces::contains))
                .count();
        int lastDay = (int) senderNotices.stream()
                .filter(n -> !n.receivedAt.isBefore(dayBefore) && !n.receivedAt.isAfter(notice.receivedAt))
                .count();
        Double share = accepted + rejected == 0 ? null : rejected / (double) (accepted + rejected);
        return new AbuseSignals(
                senderNotices.size(),
                accepted,
                rejected,
                share,
                sameTarget,
                lastDay,
                items,
                lastDay >= MASS_PER_DAY || items >= MASS_ITEMS);
    }

    private static Set<String> namespaces(NoticeEntity notice) {
        return notice.subjects().stream().map(SubjectRef::namespace).collect(Collectors.toSet());
    }
}
