package org.modhub.moderation.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs RS256 tokens the services accept: issuer {@link DevStackDefaults#JWT_ISSUER}, audience
 * {@link DevStackDefaults#JWT_AUDIENCE}, {@code sub} and {@code upn} = the subject, {@code groups} =
 * the roles. Built on jose4j directly so it needs no MicroProfile Config (the launcher has none);
 * inside a Quarkus test, {@code io.smallrye.jwt.build.Jwt...sign()} works as well with the
 * {@code smallrye.jwt.*} keys from {@link DevStack#config(String)}.
 */
public final class TokenMinter {

    private final JwtKeys keys;
    private final String issuer;
    private final String audience;

    public TokenMinter(JwtKeys keys) {
        this(keys, DevStackDefaults.JWT_ISSUER, DevStackDefaults.JWT_AUDIENCE);
    }

    public TokenMinter(JwtKeys keys, String issuer, String audience) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
    }

    /** A token for {@code subject} with these roles, valid for {@link DevStackDefaults#TOKEN_TTL}. */
    public String mint(String subject, Collection<String> groups) {
        return mint(subject, groups, DevStackDefaults.TOKEN_TTL, Map.of());
    }

    public String mint(String subject, Collection<String> groups, Duration ttl) {
        return mint(subject, groups, ttl, Map.of());
    }

    /**
     * @param extraClaims further claims, e.g. {@code email}; they may not replace the standard ones
     */
    public String mint(String subject, Collection<String> groups, Duration ttl, Map<String, Object> extraClaims) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a subject");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        JwtClaims claims = new JwtClaims();
        extraClaims.forEach(claims::setClaim);
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", new ArrayList<>(groups));
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        claims.setNotBefore(now);
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + ttl.toSeconds()));
        claims.setGeneratedJwtId();
        return sign(claims);
    }

    /**
     * Signs {@code claims} as they are (RS256, {@code kid} = {@link JwtKeys#keyId()}, so a verifier reading the
     * JWKS finds the key; the services verify with the PEM and ignore it). The identity stand-in's ID tokens.
     */
    String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(keys.keyId());
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
    }

    JwtKeys keys() {
        return keys;
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }
}
