package org.modhub.moderation.devstack.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock tests move instead of waiting for a deadline or a retention period: the system time plus an offset, read at
 * microseconds as the kit's clock is (what PostgreSQL keeps). Not a bean here: a service's tests declare
 * {@code @Singleton class TestClock extends TravelClock {}} (an {@code @Alternative} where only one test profile may
 * see it) to replace the kit's {@code @DefaultBean} clock. Tests that travel go back with {@link #reset()}, since the
 * other tests of a module share the application.
 */
public class TravelClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves the clock forward (or back) by {@code by}. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Sets the clock to {@code by} after the system time. */
    public void setAhead(Duration by) {
        offset = by;
    }

    /** From now on, the clock reads about {@code instant} (plus the real time that passes). */
    public void travelTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    /** Moves the clock just past {@code instant}, never backwards. */
    public void travelPast(Instant instant) {
        Duration gap = Duration.between(instant(), instant);
        if (!gap.isNegative()) {
            advance(gap.plusSeconds(1));
        }
    }

    /** Back to the system time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }
}
