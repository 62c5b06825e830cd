package org.modhub.moderation.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of an OpenID Connect authorization request that the sign-in form carries through its POST. Null
 * where the client sent none.
 */
record AuthorizeRequest(
        String responseType,
        String clientId,
        String redirectUri,
        String scope,
        String state,
        String nonce,
        String codeChallenge,
        String codeChallengeMethod,
        String prompt) {

    /** Longest state or nonce accepted; they come back in a URL and a token. */
    static final int MAX_OPAQUE = 512;

    /**
     * Reads the request from query or form parameters.
     *
     * @throws IllegalArgumentException a parameter given twice (RFC 6749 3.1) or longer than it may be, naming it
     */
    static AuthorizeRequest of(Map<String, List<String>> parameters) {
        return new AuthorizeRequest(
                single(parameters, "response_type", 64),
                single(parameters, "client_id", 256),
                single(parameters, "redirect_uri", 2048),
                single(parameters, "scope", 1024),
                single(parameters, "state", MAX_OPAQUE),
                single(parameters, "nonce", MAX_OPAQUE),
                single(parameters, "code_challenge", 128),
                single(parameters, "code_challenge_method", 16),
                single(parameters, "prompt", 64));
    }

    /** The parameters by their OAuth names, those sent only. */
    Map<String, String> parameters() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, "response_type", responseType);
        put(map, "client_id", clientId);
        put(map, "redirect_uri", redirectUri);
        put(map, "scope", scope);
        put(map, "state", state);
        put(map, "nonce", nonce);
        put(map, "code_challenge", codeChallenge);
        put(map, "code_challenge_method", codeChallengeMethod);
        return map;
    }

    /** The PKCE method: as sent, or {@code plain} when a challenge came without one (RFC 7636 4.3). */
    String effectiveChallengeMethod() {
        if (codeChallenge == null) {
            return null;
        }
        return codeChallengeMethod == null ? "plain" : codeChallengeMethod;
    }

    static String single(Map<String, List<String>> parameters, String name, int maxLength) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException(name + " is given " + values.size() + " times; send it once");
        }
        String value = values.get(0);
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    private static void put(Map<String, String> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
