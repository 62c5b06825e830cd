package org.modhub.moderation.kit.config;

import java.time.Clock;

import io.quarkus.arc.DefaultBean;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one clock business logic and timers read. A test replaces it with an adjustable clock to
 * travel through deadlines instead of waiting for them; a packaged service (the end-to-end suite)
 * gets an {@link OffsetFileClock} when {@code kit.clock.offset-file} is set, which it never is by
 * default or in the Helm chart. Either way it reads at microseconds ({@link MicrosClock}), what
 * PostgreSQL stores; a test's replacement clock should be wrapped the same way.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(KitConfig config) {
        return MicrosClock.of(config.clock()
                .offsetFile()
                .<Clock>map(file -> {
                    Log.warnf(
                            "kit.clock.offset-file is set: this service reads time shifted by the offset in %s "
                                    + "(for end-to-end tests only)",
                            file);
                    return new OffsetFileClock(file);
                })
                .orElseGet(Clock::systemUTC));
    }
}
