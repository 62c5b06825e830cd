package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The code rules without HTTP: lifetime, single use, binding, PKCE (RFC 7636 appendix B's example). */
class AuthorizationCodesTest {

    private static final String CALLBACK = "http://127.0.0.1:8086/cb";
    /** RFC 7636 appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final AuthorizationCodes codes = new AuthorizationCodes(clock);

    @Test
    void s256IsTheRfcsExample() {
        assertThat(AuthorizationCodes.s256(VERIFIER)).isEqualTo(CHALLENGE);
    }

    @Test
    void aCodeExpiresAfterSixtySeconds() throws Exception {
        String fresh = issue(null, null);
        String stale = issue(null, null);

        clock.advance(AuthorizationCodes.TTL.minusSeconds(1));
        assertThat(codes.redeem(fresh, "console", CALLBACK, null).subject()).isEqualTo("erin");
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> codes.redeem(stale, "console", CALLBACK, null))
                .isInstanceOf(AuthorizationCodes.Refused.class)
                .hasMessageContaining("expired");
    }

    @Test
    void pkceWithS256OrPlainAndNeverAVerifierForACodeWithoutChallenge() throws Exception {
        assertThat(codes.redeem(issue(CHALLENGE, "S256"), "console", CALLBACK, VERIFIER)
                        .groups())
                .containsExactly("moderator");
        assertThat(codes.redeem(issue(VERIFIER, "plain"), "console", CALLBACK, VERIFIER))
                .isNotNull();

        String plainMismatch = issue(VERIFIER, "plain");
        assertThatThrownBy(() -> codes.redeem(plainMismatch, "console", CALLBACK, VERIFIER.replace('d', 'e')))
                .hasMessageContaining("does not match");
        String noChallenge = issue(null, null);
        assertThatThrownBy(() -> codes.redeem(noChallenge, "console", CALLBACK, VERIFIER))
                .hasMessageContaining("had no code_challenge");
        String shortVerifier = issue(CHALLENGE, "S256");
        assertThatThrownBy(() -> codes.redeem(shortVerifier, "console", CALLBACK, "short"))
                .hasMessageContaining("43 to 128");
    }

    @Test
    void aCodeIsBoundToItsClient() throws Exception {
        String code = issue(null, null);

        assertThatThrownBy(() -> codes.redeem(code, "other", CALLBACK, null)).hasMessageContaining("another client");
        assertThatThrownBy(() -> codes.redeem(code, "console", CALLBACK, null)).hasMessageContaining("used already");
    }

    private String issue(String challenge, String method) {
        return codes.issue("console", CALLBACK, "erin", null, List.of("moderator"), null, challenge, method);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
