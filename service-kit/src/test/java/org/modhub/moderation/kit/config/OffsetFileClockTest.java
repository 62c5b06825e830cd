package org.modhub.moderation.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetFileClockTest {

    @TempDir
    Path dir;

    @Test
    void followsTheFileOnEveryReadingAndNeverRunsBackwards() throws Exception {
        Path file = dir.resolve("offset");
        OffsetFileClock clock = new OffsetFileClock(file);
        assertThat(clock.offset()).isZero();
        assertThat(clock.instant())
                .isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));

        Files.writeString(file, "P20D\n");
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(20));
        assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofDays(19)));

        Files.writeString(file, "P21DT1H");
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(21).plusHours(1));

        Files.writeString(file, "P1D"); // backwards: ignored
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(21).plusHours(1));
        Files.writeString(file, "garbage"); // unreadable: the last good offset stays
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(21).plusHours(1));
        Files.delete(file);
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(21).plusHours(1));
    }
}
