package org.modhub.moderation.dmca.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * U.S. business days: Monday to Friday except the federal holidays of 5 U.S.C. 6103(a), each
 * computed from its rule (fixed date or nth weekday), never from a list of dates. A fixed-date
 * holiday on a Saturday is observed the Friday before, on a Sunday the Monday after (Executive
 * Order 11582), so New Year's Day on a Saturday is observed on 31 December of the year before.
 * Juneteenth counts from 2021, the year it became a federal holiday. Inauguration Day is left
 * out: it is a holiday only in the Washington, D.C. area.
 */
public final class BusinessCalendar {

    /** The year Juneteenth National Independence Day became a federal holiday (Pub. L. 117-17). */
    static final int JUNETEENTH_SINCE = 2021;

    private final ZoneId zone;

    /** @param zone where a business day begins and ends (the designated agent's, e.g. America/New_York) */
    public BusinessCalendar(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The actual (not observed) dates of the federal holidays in {@code year}. */
    public static Set<LocalDate> holidays(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, Month.JANUARY, 1)); // New Year's Day
        days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3)); // Birthday of Martin Luther King, Jr.
        days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3)); // Washington's Birthday
        days.add(LocalDate.of(year, Month.MAY, 31)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))); // Memorial Day
        if (year >= JUNETEENTH_SINCE) {
            days.add(LocalDate.of(year, Month.JUNE, 19)); // Juneteenth
        }
        days.add(LocalDate.of(year, Month.JULY, 4)); // Independence Day
        days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1)); // Labor Day
        days.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2)); // Columbus Day
        days.add(LocalDate.of(year, Month.NOVEMBER, 11)); // Veterans Day
        days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4)); // Thanksgiving Day
        days.add(LocalDate.of(year, Month.DECEMBER, 25)); // Christmas Day
        return days;
    }

    /**
     * The days on which the holidays are observed that fall in {@code year}; includes 31 December
     * when the next New Year's Day is a Saturday, and excludes 1 January's observance moved to
     * the year before.
     */
    public static Set<LocalDate> observedHolidays(int year) {
        Set<LocalDate> days = new TreeSet<>();
        for (int y = year; y <= year + 1; y++) {
            for (LocalDate holiday : holidays(y)) {
                LocalDate observed = observed(holiday);
                if (observed.getYear() == year) {
                    days.add(observed);
                }
            }
        }
        return days;
    }

    /** Saturday to the Friday before, Sunday to the Monday after; weekdays stay. */
    public static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    public static boolean isHoliday(LocalDate day) {
        return observedHolidays(day.getYear()).contains(day);
    }

    public static boolean isBusinessDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /** The {@code n}th business day after {@code day} (not counting {@code day} itself); n ≥ 1. */
    public static LocalDate plusBusinessDays(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        LocalDate d = day;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /**
     * The moment {@code n} business days after {@code received} have fully passed: the start of the
     * calendar day after the nth business day following the day of receipt, in this calendar's zone.
     * Receipt on a weekend or holiday counts from that day alike: only the days after it count.
     */
    public Instant endOfBusinessDays(Instant received, int n) {
        LocalDate day = received.atZone(zone).toLocalDate();
        return plusBusinessDays(day, n).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The business days still ahead at {@code now} before {@code end} (an instant {@link #endOfBusinessDays}
     * gave): those after today up to the last one the window counts, so on the day of receipt of a
     * 14-day window it is 14, on its last business day 0. None once {@code end} has passed.
     */
    public int businessDaysLeft(Instant now, Instant end) {
        if (!now.isBefore(end)) {
            return 0;
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate endDay = end.atZone(zone).toLocalDate();
        int left = 0;
        for (LocalDate d = today.plusDays(1); d.isBefore(endDay); d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                left++;
            }
        }
        return left;
    }

    private static LocalDate nth(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }
}
