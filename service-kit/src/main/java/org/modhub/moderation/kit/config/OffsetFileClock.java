package org.modhub.moderation.kit.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.quarkus.logging.Log;

/**
 * UTC system time plus the offset written in a file (ISO-8601 duration, e.g. {@code P20DT3H}),
 * read again on every {@link #instant()}: another process moves this service's time, timers
 * included, by rewriting the file. A missing or empty file means no offset; an unreadable one
 * keeps the last good offset. Negative offsets are ignored, so time never runs backwards.
 */
public final class OffsetFileClock extends Clock {

    private final Path file;
    private volatile Duration lastOffset = Duration.ZERO;

    public OffsetFileClock(Path file) {
        this.file = file;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset());
    }

    /** The offset now in the file. */
    public Duration offset() {
        try {
            String text = Files.readString(file).trim();
            Duration offset = text.isEmpty() ? Duration.ZERO : Duration.parse(text);
            if (offset.isNegative()) {
                return lastOffset;
            }
            if (offset.compareTo(lastOffset) < 0) {
                // Another reader may have seen the larger value already; never step back.
                return lastOffset;
            }
            lastOffset = offset;
            return offset;
        } catch (NoSuchFileException e) {
            return lastOffset;
        } catch (IOException | DateTimeParseException e) {
            Log.debugf("cannot read the clock offset in %s: %s", file, e);
            return lastOffset;
        }
    }
}
