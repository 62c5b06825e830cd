package org.modhub.moderation.devstack;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * A client registered at the {@link IdentityStandIn}: its id, its secret ({@code client_secret_basic} or
 * {@code client_secret_post}) and the prefixes its redirect URIs (after sign-in and after sign-out) must start with.
 */
public record OidcClient(String id, String secret, List<String> redirectPrefixes) {

    public OidcClient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        redirectPrefixes = List.copyOf(redirectPrefixes);
        if (redirectPrefixes.isEmpty()) {
            throw new IllegalArgumentException("client " + id + " needs at least one redirect prefix");
        }
    }

    /** The staff console: {@link DevStackDefaults#CONSOLE_CLIENT_ID}, its secret, any local port. */
    public static OidcClient console() {
        return new OidcClient(
                DevStackDefaults.CONSOLE_CLIENT_ID,
                DevStackDefaults.CONSOLE_CLIENT_SECRET,
                DevStackDefaults.CONSOLE_REDIRECT_PREFIXES);
    }

    /**
     * Whether the provider may send a browser to {@code uri}: an absolute http(s) URI without user info or fragment
     * (so {@code http://127.0.0.1:8086@evil.example/} does not pass as a local one) that starts with a prefix.
     */
    public boolean allowsRedirectTo(String uri) {
        if (uri == null || uri.length() > 2048) {
            return false;
        }
        try {
            URI parsed = new URI(uri);
            if (!parsed.isAbsolute()
                    || parsed.getHost() == null
                    || parsed.getRawUserInfo() != null
                    || parsed.getRawFragment() != null
                    || !(parsed.getScheme().equals("http") || parsed.getScheme().equals("https"))) {
                return false;
            }
        } catch (URISyntaxException e) {
            return false;
        }
        return redirectPrefixes.stream().anyMatch(uri::startsWith);
    }

    /** Constant-time, so the secret cannot be guessed a byte at a time from response times. */
    boolean secretMatches(String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "OidcClient[" + id + ", redirects " + redirectPrefixes + "]";
    }
}
