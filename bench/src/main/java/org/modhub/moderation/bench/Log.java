package org.modhub.moderation.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The run's progress on standard output, each line with the time of day. */
final class Log {

    /** Always with seconds: LocalTime.toString() leaves them out when they are zero. */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Log() {}

    static void log(String format, Object... args) {
        System.out.println("[bench " + CLOCK.format(LocalTime.now()) + "] "
                + (args.length == 0 ? format : String.format(Locale.ROOT, format, args)));
    }
}
