package org.modhub.moderation.dmca.domain;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The business-day calendar against the U.S. Office of Personnel Management's published federal
 * holiday lists (the expected dates are OPM's; the calendar computes them from the rules).
 */
class BusinessCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void observedHolidaysMatchOpmForSeveralYears() {
        // 2020: no Juneteenth yet; Independence Day on a Saturday observed Friday 3 July.
        assertThat(BusinessCalendar.observedHolidays(2020))
                .containsExactly(
                        of(2020, 1, 1),
                        of(2020, 1, 20),
                        of(2020, 2, 17),
                        of(2020, 5, 25),
                        of(2020, 7, 3),
                        of(2020, 9, 7),
                        of(2020, 10, 12),
                        of(2020, 11, 11),
                        of(2020, 11, 26),
                        of(2020, 12, 25));
        // 2021: Juneteenth (Sat) on Fri 18 June, Independence Day (Sun) on Mon 5 July, Christmas (Sat) on Fri 24 Dec,
        // and New Year's Day 2022 (Sat) on Fri 31 Dec 2021.
        assertThat(BusinessCalendar.observedHolidays(2021))
                .containsExactly(
                        of(2021, 1, 1),
                        of(2021, 1, 18),
                        of(2021, 2, 15),
                        of(2021, 5, 31),
                        of(2021, 6, 18),
                        of(2021, 7, 5),
                        of(2021, 9, 6),
                        of(2021, 10, 11),
                        of(2021, 11, 11),
                        of(2021, 11, 25),
                        of(2021, 12, 24),
                        of(2021, 12, 31));
        // 2022: New Year's Day was observed in 2021, so ten days; Juneteenth (Sun) on Mon 20 June, Christmas (Sun) on
        // Mon 26 Dec.
        assertThat(BusinessCalendar.observedHolidays(2022))
                .containsExactly(
                        of(2022, 1, 17),
                        of(2022, 2, 21),
                        of(2022, 5, 30),
                        of(2022, 6, 20),
                        of(2022, 7, 4),
                        of(2022, 9, 5),
                        of(2022, 10, 10),
                        of(2022, 11, 11),
                        of(2022, 11, 24),
                        of(2022, 12, 26));
        // 2023: New Year's Day (Sun) on Mon 2 Jan, Veterans Day (Sat) on Fri 10 Nov.
        assertThat(BusinessCalendar.observedHolidays(2023))
                .containsExactly(
                        of(2023, 1, 2),
                        of(2023, 1, 16),
                        of(2023, 2, 20),
                        of(2023, 5, 29),
                        of(2023, 6, 19),
                        of(2023, 7, 4),
                        of(2023, 9, 4),
                        of(2023, 10, 9),
                        of(2023, 11, 10),
                        of(2023, 11, 23),
                        of(2023, 12, 25));
        assertThat(BusinessCalendar.observedHolidays(2024))
                .containsExactly(
                        of(2024, 1, 1),
                        of(2024, 1, 15),
                        of(2024, 2, 19),
                        of(2024, 5, 27),
                        of(2024, 6, 19),
                        of(2024, 7, 4),
                        of(2024, 9, 2),
                        of(2024, 10, 14),
                        of(2024, 11, 11),
                        of(2024, 11, 28),
                        of(2024, 12, 25));
        assertThat(BusinessCalendar.observedHolidays(2025))
                .containsExactly(
                        of(2025, 1, 1),
                        of(2025, 1, 20),
                        of(2025, 2, 17),
                        of(2025, 5, 26),
                        of(2025, 6, 19),
                        of(2025, 7, 4),
                        of(2025, 9, 1),
                        of(2025, 10, 13),
                        of(2025, 11, 11),
                        of(2025, 11, 27),
                        of(2025, 12, 25));
        // 2026: Independence Day (Sat) on Fri 3 July.
        assertThat(BusinessCalendar.observedHolidays(2026))
                .containsExactly(
                        of(2026, 1, 1),
                        of(2026, 1, 19),
                        of(2026, 2, 16),
                        of(2026, 5, 25),
                        of(2026, 6, 19),
                        of(2026, 7, 3),
                        of(2026, 9, 7),
                        of(2026, 10, 12),
                        of(2026, 11, 11),
                        of(2026, 11, 26),
                        of(2026, 12, 25));
        // 2027: Juneteenth (Sat) Fri 18 June, Independence Day (Sun) Mon 5 July, Christmas (Sat) Fri 24 Dec,
        // New Year's Day 2028 (Sat) Fri 31 Dec 2027.
        assertThat(BusinessCalendar.observedHolidays(2027))
                .containsExactly(
                        of(2027, 1, 1),
                        of(2027, 1, 18),
                        of(2027, 2, 15),
                        of(2027, 5, 31),
                        of(2027, 6, 18),
                        of(2027, 7, 5),
                        of(2027, 9, 6),
                        of(2027, 10, 11),
                        of(2027, 11, 11),
                        of(2027, 11, 25),
                        of(2027, 12, 24),
                        of(2027, 12, 31));
        // 2028: New Year's Day was observed in 2027; Juneteenth and Independence Day on weekdays; Christmas (Mon).
        assertThat(BusinessCalendar.observedHolidays(2028))
                .doesNotContain(of(2028, 1, 1), of(2028, 1, 3))
                .hasSize(10)
                .contains(of(2028, 12, 25), of(2028, 5, 29), of(2028, 11, 23));
    }

    @Test
    void everyYearHasItsHolidaysOnWeekdaysOnlyAndElevenPerYearOnAverage() {
        int total = 0;
        for (int year = 2021; year <= 2120; year++) {
            for (LocalDate day : BusinessCalendar.observedHolidays(year)) {
                assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat(day.getYear()).isEqualTo(year);
            }
            total += BusinessCalendar.observedHolidays(year).size();
        }
        // Over a century each of the eleven holidays is observed once a year, whichever year it lands in.
        assertThat(total).isBetween(1099, 1101);
    }

    @Test
    void weekendsAndObservedHolidaysAreNotBusinessDays() {
        assertThat(BusinessCalendar.isBusinessDay(of(2021, 12, 31))).isFalse(); // New Year's Day 2022 observed
        assertThat(BusinessCalendar.isBusinessDay(of(2022, 1, 3))).isTrue(); // the Monday after is a working day
        assertThat(BusinessCalendar.isBusinessDay(of(2022, 6, 20))).isFalse(); // Juneteenth (Sun) observed Monday
        assertThat(BusinessCalendar.isBusinessDay(of(2026, 7, 3))).isFalse(); // Independence Day (Sat) observed Friday
        assertThat(BusinessCalendar.isBusinessDay(of(2026, 7, 4))).isFalse(); // a Saturday anyway
        assertThat(BusinessCalendar.isBusinessDay(of(2027, 7, 5))).isFalse(); // Independence Day (Sun) observed Monday
        assertThat(BusinessCalendar.isBusinessDay(of(2020, 6, 19))).isTrue(); // before Juneteenth was a holiday
        assertThat(BusinessCalendar.isBusinessDay(of(2025, 11, 26))).isTrue();
        assertThat(BusinessCalendar.isBusinessDay(of(2025, 11, 27))).isFalse(); // Thanksgiving
    }

    @Test
    void fourteenBusinessDaysAcrossYearEnds() {
        // Christmas and New Year's Day 2026 (both Thursdays) inside the period.
        assertThat(BusinessCalendar.plusBusinessDays(of(2025, 12, 17), 14)).isEqualTo(of(2026, 1, 8));
        // Christmas 2021 and New Year's Day 2022 both on Saturdays, observed on the Fridays 24 and 31 December.
        assertThat(BusinessCalendar.plusBusinessDays(of(2021, 12, 17), 14)).isEqualTo(of(2022, 1, 10));
        // Christmas 2022 and New Year's Day 2023 both on Sundays, observed on the Mondays after.
        assertThat(BusinessCalendar.plusBusinessDays(of(2022, 12, 16), 14)).isEqualTo(of(2023, 1, 9));
        // Christmas 2027 and New Year's Day 2028 on Saturdays again.
        assertThat(BusinessCalendar.plusBusinessDays(of(2027, 12, 20), 14)).isEqualTo(of(2028, 1, 11));
    }

    @Test
    void fourteenBusinessDaysAcrossJuneteenthAndIndependenceDay() {
        // Juneteenth 2027 (Sat) observed Fri 18 June; Independence Day 2027 (Sun) observed Mon 5 July.
        assertThat(BusinessCalendar.plusBusinessDays(of(2027, 6, 11), 14)).isEqualTo(of(2027, 7, 2));
        assertThat(BusinessCalendar.plusBusinessDays(of(2027, 6, 22), 14)).isEqualTo(of(2027, 7, 13));
        // Received on Independence Day 2026, a Saturday: counting starts Monday 6 July.
        assertThat(BusinessCalendar.plusBusinessDays(of(2026, 7, 4), 14)).isEqualTo(of(2026, 7, 23));
        // Ten business days, the statute's minimum, across Juneteenth 2026 (Fri) and 3 July 2026 (observed).
        assertThat(BusinessCalendar.plusBusinessDays(of(2026, 6, 18), 10)).isEqualTo(of(2026, 7, 6));
    }

    @Test
    void everyRestorationPeriodTheStatuteAllowsSkipsWeekendsAndThanksgiving() {
        // Received Friday 20 November 2026; Thanksgiving is Thursday 26 November, the Friday after is a business day.
        LocalDate received = of(2026, 11, 20);
        assertThat(java.util.stream.IntStream.rangeClosed(10, 14)
                        .mapToObj(n -> BusinessCalendar.plusBusinessDays(received, n)))
                .containsExactly(of(2026, 12, 7), of(2026, 12, 8), of(2026, 12, 9), of(2026, 12, 10), of(2026, 12, 11));
        // The deadline is the end of that day in the agent's zone (EST: midnight is 05:00 UTC).
        BusinessCalendar calendar = new BusinessCalendar(NEW_YORK);
        Instant at = Instant.parse("2026-11-20T15:00:00Z");
        assertThat(calendar.endOfBusinessDays(at, 10)).isEqualTo(Instant.parse("2026-12-08T05:00:00Z"));
        assertThat(calendar.endOfBusinessDays(at, 14)).isEqualTo(Instant.parse("2026-12-12T05:00:00Z"));
    }

    @Test
    void theDeadlineIsTheEndOfTheLastBusinessDayInTheAgentsZone() {
        BusinessCalendar calendar = new BusinessCalendar(NEW_YORK);
        // 03:00 UTC on 2 January 2026 is still New Year's Day in New York: the day of receipt, which never counts.
        Instant received = Instant.parse("2026-01-02T03:00:00Z");
        // 2 Jan (1), 5-9 Jan (6), 12-16 Jan (11), [19 Jan MLK Day], 20, 21, 22 Jan (14).
        assertThat(calendar.endOfBusinessDays(received, 14)).isEqualTo(Instant.parse("2026-01-23T05:00:00Z"));
        // Summer time: midnight in New York is 04:00 UTC.
        assertThat(calendar.endOfBusinessDays(Instant.parse("2026-07-04T12:00:00Z"), 14))
                .isEqualTo(Instant.parse("2026-07-24T04:00:00Z"));
        assertThat(calendar.endOfBusinessDays(Instant.parse("2026-07-02T12:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-07-07T04:00:00Z"));
    }

    @Test
    void theCountdownLeavesOutWeekendsAndHolidaysAndEndsAtZeroOnTheLastBusinessDay() {
        BusinessCalendar calendar = new BusinessCalendar(NEW_YORK);
        // Received Friday 20 November 2026; 14 business days end with Friday 11 December (Thanksgiving skipped).
        Instant received = Instant.parse("2026-11-20T15:00:00Z");
        Instant end = calendar.endOfBusinessDays(received, 14);
        assertThat(calendar.businessDaysLeft(received, end)).isEqualTo(14);
        // Wednesday 25 November: 26 (Thanksgiving) is not counted, so 27 Nov and 30 Nov-11 Dec are left.
        assertThat(calendar.businessDaysLeft(Instant.parse("2026-11-25T15:00:00Z"), end))
                .isEqualTo(11);
        // A Saturday counts like the Friday before it: the weekend takes nothing off.
        assertThat(calendar.businessDaysLeft(Instant.parse("2026-11-28T15:00:00Z"), end))
                .isEqualTo(calendar.businessDaysLeft(Instant.parse("2026-11-27T15:00:00Z"), end))
                .isEqualTo(10);
        // 23:30 on the last business day in New York (04:30 UTC next day) still has nothing left but today.
        assertThat(calendar.businessDaysLeft(Instant.parse("2026-12-12T04:30:00Z"), end))
                .isZero();
        assertThat(calendar.businessDaysLeft(end, end)).isZero();
        assertThat(calendar.businessDaysLeft(end.plusSeconds(86_400 * 3), end)).isZero();
    }

    @Test
    void theRulesGiveTheNthWeekdayHolidays() {
        List<LocalDate> thanksgivings = java.util.stream.IntStream.rangeClosed(2020, 2030)
                .mapToObj(y -> BusinessCalendar.holidays(y).stream()
                        .filter(d -> d.getMonthValue() == 11 && d.getDayOfMonth() != 11)
                        .findFirst()
                        .orElseThrow())
                .toList();
        assertThat(thanksgivings).allSatisfy(d -> {
            assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
            assertThat(d.getDayOfMonth()).isBetween(22, 28);
        });
        assertThat(BusinessCalendar.holidays(2030)).contains(of(2030, 5, 27), of(2030, 9, 2), of(2030, 1, 21));
    }
}
