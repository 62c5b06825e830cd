package org.modhub.moderation.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.TimeoutException;

/** What a failed attempt means for the mail, without the stack. */
class SendFailureTest {

    @Test
    void theWaitDoublesPerAttemptUpToTheLongest() {
        Duration initial = Duration.ofSeconds(5);
        Duration max = Duration.ofMinutes(15);
        assertThat(SendFailure.backoff(initial, max, 1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(SendFailure.backoff(initial, max, 2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(SendFailure.backoff(initial, max, 4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(SendFailure.backoff(initial, max, 9)).isEqualTo(max);
        assertThat(SendFailure.backoff(initial, max, 100)).isEqualTo(max);
    }

    @Test
    void anUnknownMailboxIsAHardBounceAFullOneIsNot() {
        assertThat(SendFailure.hardBounce(550, "5.1.1 no such user")).isTrue();
        assertThat(SendFailure.hardBounce(553, "mailbox name not allowed")).isTrue();
        assertThat(SendFailure.hardBounce(554, "5.1.2 bad destination system")).isTrue();
        assertThat(SendFailure.hardBounce(552, "5.2.2 mailbox full")).isFalse();
        assertThat(SendFailure.hardBounce(554, null)).isFalse();
    }

    @Test
    void anUnrenderableMailIsPermanentATimeoutIsNot() {
        SendFailure render = SendFailure.of(new TemplateException("parameters.reportId", "is required"));
        assertThat(render.permanent()).isTrue();
        assertThat(render.hardBounce()).isFalse();
        SendFailure timeout = SendFailure.of(new TimeoutException());
        assertThat(timeout.permanent()).isFalse();
        assertThat(timeout.reason()).isEqualTo("no answer from the SMTP server in time");
        assertThat(SendFailure.of(new IllegalStateException("x".repeat(5000))).reason())
                .hasSize(2000);
    }
}
