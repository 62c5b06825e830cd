package org.modhub.moderation.devstack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The codes the identity stand-in hands out at sign-in and takes back at the token endpoint: random, single-use
 * (RFC 6749 4.1.2: a code is redeemed at most once, even by a request that then fails), {@link #TTL} long, bound to
 * the client and redirect URI, and to a PKCE challenge when the client sent one (RFC 7636).
 */
final class AuthorizationCodes {

    /** RFC 6749 4.1.2 recommends ten minutes at most; a browser round trip takes seconds. */
    static final Duration TTL = Duration.ofSeconds(60);

    /** Codes held at once; a flood of abandoned sign-ins cannot grow memory beyond this. */
    static final int MAX_PENDING = 10_000;

    /** RFC 7636 4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Grant> pending = new ConcurrentHashMap<>();

    AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    /** Who signed in, for which client, and what the token request must prove. */
    record Grant(
            String clientId,
            String redirectUri,
            String subject,
            String email,
            List<String> groups,
            String nonce,
            String codeChallenge,
            String challengeMethod,
            Instant expiresAt) {}

    /** Why a code was refused; the message is the {@code error_description}. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** A new code for this sign-in, valid for {@link #TTL}. */
    String issue(
            String clientId,
            String redirectUri,
            String subject,
            String email,
            List<String> groups,
            String nonce,
            String codeChallenge,
            String challengeMethod) {
        Instant now = clock.instant();
        pending.values().removeIf(grant -> !grant.expiresAt().isAfter(now));
        if (pending.size() >= MAX_PENDING) {
            throw new IllegalStateException("too many sign-ins in progress; try again in a minute");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(
                code,
                new Grant(
                        clientId,
                        redirectUri,
                        subject,
                        email,
                        List.copyOf(groups),
                        nonce,
                        codeChallenge,
                        challengeMethod,
                        now.plus(TTL)));
        return code;
    }

    /**
     * The grant behind {@code code}, which is used up whatever the outcome.
     *
     * @throws Refused unknown, used or expired code; another client's; another redirect URI; a PKCE verifier
     *     missing, malformed or not matching the challenge, or sent for a code that had no challenge
     */
    Grant redeem(String code, String clientId, String redirectUri, String codeVerifier) throws Refused {
        Grant grant = pending.remove(code);
        if (grant == null || !grant.expiresAt().isAfter(clock.instant())) {
            throw new Refused("the code is unknown, used already or expired");
        }
        if (!grant.clientId().equals(clientId)) {
            throw new Refused("the code was issued to another client");
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            throw new Refused("redirect_uri differs from the one of the authorization request");
        }
        if (grant.codeChallenge() == null) {
            if (codeVerifier != null) {
                throw new Refused("code_verifier sent, but the authorization request had no code_challenge");
            }
            return grant;
        }
        if (codeVerifier == null) {
            throw new Refused("code_verifier is required: the authorization request had a code_challenge");
        }
        if (!VERIFIER.matcher(codeVerifier).matches()) {
            throw new Refused("code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
        }
        String expected = grant.challengeMethod().equals("S256") ? s256(codeVerifier) : codeVerifier;
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                grant.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("code_verifier does not match the code_challenge");
        }
        return grant;
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))}, RFC 7636 4.2. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Objects.requireNonNull(verifier).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
