package org.modhub.moderation.kit.hub;

import java.util.Set;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * Reads the hub call's {@code @Timeout} from {@code kit.hub.timeout}, a duration such as {@code 2s}: fault
 * tolerance wants a number of units, and a second setting for the same thing would drift from the first. The unit
 * ({@code millis}) is set beside it in the kit's defaults.
 */
@Priority(Priorities.APPLICATION)
public class HubTimeoutConfig implements ConfigSourceInterceptor {

    private static final Set<String> NAMES = Set.of(
            "quarkus.fault-tolerance.\"" + HubCalls.IDENTIFIER + "\".timeout.value",
            "quarkus.fault-tolerance." + HubCalls.IDENTIFIER + ".timeout.value",
            HubCalls.IDENTIFIER + "/Timeout/value");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (NAMES.contains(name)) {
            ConfigValue timeout = context.proceed("kit.hub.timeout");
            if (timeout != null && timeout.getValue() != null) {
                long millis =
                        DurationConverter.parseDuration(timeout.getValue()).toMillis();
                return timeout.withName(name).withValue(Long.toString(millis));
            }
        }
        return context.proceed(name);
    }
}
