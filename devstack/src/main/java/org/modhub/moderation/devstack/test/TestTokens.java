package org.modhub.moderation.devstack.test;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens for a service's tests, signed with the dev stack's key (which
 * {@link DevStackResource} configures as {@code smallrye.jwt.sign.key}), with the issuer and
 * audience the services check. The subject is also the account id; its email is
 * {@code <subject>@example.org}.
 */
public final class TestTokens {

    private TestTokens() {}

    public static String token(String subject, String... roles) {
        return Jwt.subject(subject)
                .upn(subject)
                .groups(Set.of(roles))
                .claim("email", subject + "@example.org")
                .claim("preferred_username", subject)
                .expiresIn(Duration.ofMinutes(10))
                .sign();
    }
}
