package org.modhub.moderation.dmca.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.dmca.persistence.NoticeEntity;

/** The signals legal weighs before accepting a notice, from the sender's history alone. */
class AbuseSignalsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    private static NoticeEntity notice(
            String sender, NoticeStatus status, Instant receivedAt, int items, String... subjects) {
        NoticeEntity n = new NoticeEntity();
        n.id = UUID.randomUUID();
        n.senderEmail = sender;
        n.status = status;
        n.receivedAt = receivedAt;
        n.subjectKeys = List.of(subjects);
        List<NoticeCheck.ResolvedMaterial> material = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            material.add(new NoticeCheck.ResolvedMaterial("https://huggingface.co/x/" + i, null, null));
        }
        n.elements = new NoticeElements(List.of(), material, List.of());
        return n;
    }

    @Test
    void theSendersHistoryAndTheSameUploaderTargetedAgainAreCounted() {
        NoticeEntity accepted =
                notice("c@example.org", NoticeStatus.ACCEPTED, NOW.minus(Duration.ofDays(30)), 1, "model:acme/one");
        NoticeEntity rejected =
                notice("c@example.org", NoticeStatus.REJECTED, NOW.minus(Duration.ofHours(2)), 1, "dataset:acme/two");
        NoticeEntity elsewhere =
                notice("c@example.org", NoticeStatus.REJECTED, NOW.minus(Duration.ofHours(1)), 1, "model:other/x");
        NoticeEntity current = notice("c@example.org", NoticeStatus.PENDING_REVIEW, NOW, 2, "model:acme/three");

        AbuseSignals signals = AbuseSignals.of(current, List.of(accepted, rejected, elsewhere, current));
        assertThat(signals).isEqualTo(new AbuseSignals(4, 1, 2, 2 / 3.0, 2, 3, 2, false));
    }

    @Test
    void tenNoticesInADayOrTwentyFiveItemsInOneAreMassNotices() {
        List<NoticeEntity> day = new ArrayList<>();
        for (int i = 0; i < AbuseSignals.MASS_PER_DAY; i++) {
            day.add(notice(
                    "m@example.org",
                    NoticeStatus.PENDING_REVIEW,
                    NOW.minus(Duration.ofMinutes(i)),
                    1,
                    "model:ns" + i + "/x"));
        }
        assertThat(AbuseSignals.of(day.get(0), day).massNotice()).isTrue();
        assertThat(AbuseSignals.of(day.get(0), day.subList(0, AbuseSignals.MASS_PER_DAY - 1))
                        .massNotice())
                .isFalse();

        NoticeEntity many =
                notice("n@example.org", NoticeStatus.PENDING_REVIEW, NOW, AbuseSignals.MASS_ITEMS, "model:acme/x");
        assertThat(AbuseSignals.of(many, List.of(many)).massNotice()).isTrue();
    }

    @Test
    void aNoticeWithoutASenderAddressStandsAlone() {
        NoticeEntity anonymous = notice(null, NoticeStatus.INCOMPLETE, NOW, 3);
        assertThat(AbuseSignals.of(anonymous, List.of())).isEqualTo(new AbuseSignals(1, 0, 0, null, 0, 1, 3, false));
    }
}
