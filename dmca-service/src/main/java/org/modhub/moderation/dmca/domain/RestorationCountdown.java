package org.modhub.moderation.dmca.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.persistence.CounterNoticeEntity;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How far a running restoration clock has to go, by the same business-day calendar that set it: staff
 * read "restores on 24 Dec 2026, 9 business days left" instead of counting holidays themselves.
 */
@ApplicationScoped
public class RestorationCountdown {

    /**
     * @param restoresOn the day the content comes back (its start, in {@code zone}), the day after the last business day
     * @param businessDaysLeft business days after today before then (0 on the last one)
     * @param zone where the days begin and end (the designated agent's)
     */
    public record Countdown(Instant restoreAt, LocalDate restoresOn, int businessDaysLeft, String zone) {}

    private final BusinessCalendar calendar;
    private final Clock clock;

    public RestorationCountdown(DmcaConfig config, Clock clock) {
        this.calendar = new BusinessCalendar(ZoneId.of(config.clock().zone()));
        this.clock = clock;
    }

    /** The countdown of a counter-notice whose clock runs; null once it stopped (court action, evidence, restored). */
    public Countdown of(CounterNoticeEntity c) {
        if (c == null || !CounterNoticeEntity.RUNNING.equals(c.status) || c.restoreAt == null) {
            return null;
        }
        return new Countdown(
                c.restoreAt,
                c.restoreAt.atZone(calendar.zone()).toLocalDate(),
                calendar.businessDaysLeft(clock.instant(), c.restoreAt),
                calendar.zone().getId());
    }
}
