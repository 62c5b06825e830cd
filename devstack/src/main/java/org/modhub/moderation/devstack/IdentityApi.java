package org.modhub.moderation.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The HTTP side of the {@link IdentityStandIn}: OpenID Connect discovery, the authorization endpoint with the local
 * sign-in form, the token endpoint, the JWKS, userinfo and logout, all under {@code /auth}. Refused browser requests
 * get a readable 400 page and never a redirect to an unregistered address; refused token requests get the RFC 6749
 * 5.2 JSON errors.
 */
final class IdentityApi implements HttpHandler {

    /** Largest form body read (a sign-in or a token request is well under 4 KB). */
    static final int MAX_BODY = 64 * 1024;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    /** Enough to catch a typo; the services check addresses themselves. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdentityStandIn standIn;
    private final Map<String, OidcClient> clients;
    private final AuthorizationCodes codes;
    private final TokenMinter minter;
    private final JwtConsumer accessTokens;

    IdentityApi(IdentityStandIn standIn, Map<String, OidcClient> clients, AuthorizationCodes codes, JwtKeys keys) {
        this.standIn = standIn;
        this.clients = Map.copyOf(clients);
        this.codes = codes;
        this.minter = new TokenMinter(keys);
        this.accessTokens = new JwtConsumerBuilder()
                .setVerificationKey(keys.publicKey())
                .setExpectedIssuer(minter.issuer())
                .setExpectedAudience(minter.audience())
                .setRequireExpirationTime()
                .setRequireSubject()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // The exchange is closed after the error answers too: closing it first would drop the connection unanswered.
        try (exchange) {
            try {
                route(exchange, exchange.getRequestMethod());
            } catch (RefusedPage e) {
                page(exchange, e.status, SignInPage.refused(e.getMessage()), null);
            } catch (OAuthError e) {
                if (e.challenge != null) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", e.challenge);
                }
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                json(exchange, e.status, error(e.error, e.getMessage()));
            } catch (MethodNotAllowed e) {
                exchange.getResponseHeaders().set("Allow", e.allowed);
                json(exchange, 405, error("invalid_request", "method not allowed; use " + e.allowed));
            } catch (BodyTooLarge e) {
                json(exchange, 413, error("invalid_request", "body larger than " + MAX_BODY + " bytes"));
            } catch (RuntimeException e) {
                try {
                    json(exchange, 500, error("server_error", "identity stand-in failure: " + e));
                } catch (IOException | RuntimeException ignored) {
                    // The response had started; the client sees a broken reply.
                }
            }
        }
    }

    private void route(HttpExchange exchange, String method) throws IOException {
        switch (exchange.getRequestURI().getRawPath()) {
            case "/auth/.well-known/openid-configuration" -> {
                allow(method, "GET");
                json(exchange, 200, discovery());
            }
            case "/auth/jwks" -> {
                allow(method, "GET");
                send(exchange, 200, "application/json", minter.keys().jwkSetJson());
            }
            case "/auth/authorize" -> authorize(exchange, method);
            case "/auth/token" -> token(exchange, method);
            case "/auth/userinfo" -> userinfo(exchange, method);
            case "/auth/logout" -> logout(exchange, method);
            case "/auth/sign-in.css" -> {
                allow(method, "GET");
                exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
                send(exchange, 200, "text/css; charset=utf-8", SignInPage.STYLESHEET);
            }
            default ->
                json(exchange, 404, error("not_found", "no such endpoint; see /auth/.well-known/openid-configuration"));
        }
    }

    // --- discovery ---

    private ObjectNode discovery() {
        String base = standIn.authServerUrl();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("issuer", minter.issuer());
        doc.put("authorization_endpoint", base + "/authorize");
        doc.put("token_endpoint", base + "/token");
        doc.put("jwks_uri", base + "/jwks");
        doc.put("userinfo_endpoint", base + "/userinfo");
        doc.put("end_session_endpoint", base + "/logout");
        strings(doc, "response_types_supported", "code");
        strings(doc, "response_modes_supported", "query");
        strings(doc, "grant_types_supported", "authorization_code");
        strings(doc, "subject_types_supported", "public");
        strings(doc, "id_token_signing_alg_values_supported", "RS256");
        strings(doc, "code_challenge_methods_supported", "S256", "plain");
        strings(doc, "token_endpoint_auth_methods_supported", "client_secret_basic", "client_secret_post");
        strings(doc, "scopes_supported", "openid", "email", "profile");
        strings(
                doc,
                "claims_supported",
                "sub",
                "iss",
                "aud",
                "exp",
                "iat",
                "nonce",
                "email",
                "name",
                "preferred_username",
                "groups");
        return doc;
    }

    // --- authorize ---

    private void authorize(HttpExchange exchange, String method) throws IOException {
        Map<String, List<String>> parameters = switch (method) {
            case "GET" -> HubApi.form(exchange.getRequestURI().getRawQuery());
            case "POST" -> HubApi.form(body(exchange));
            default -> throw new MethodNotAllowed("GET, POST");
        };
        AuthorizeRequest request;
        try {
            request = AuthorizeRequest.of(parameters);
        } catch (IllegalArgumentException e) {
            throw new RefusedPage(400, e.getMessage());
        }
        // Until client and redirect URI are known good, nothing sends the browser anywhere (RFC 6749 4.1.2.1).
        if (request.clientId() == null) {
            throw new RefusedPage(400, "The request names no client (client_id is missing).");
        }
        OidcClient client = clients.get(request.clientId());
        if (client == null) {
            throw new RefusedPage(400, "The client " + request.clientId() + " is not registered here.");
        }
        if (request.redirectUri() == null) {
            throw new RefusedPage(400, "The request has no redirect_uri.");
        }
        if (!client.allowsRedirectTo(request.redirectUri())) {
            throw new RefusedPage(
                    400,
                    "The redirect_uri " + request.redirectUri() + " is not registered for the client " + client.id()
                            + " (it must start with " + String.join(" or ", client.redirectPrefixes()) + ").");
        }
        if (!"code".equals(request.responseType())) {
            redirectError(exchange, request, "unsupported_response_type", "only response_type=code is supported");
            return;
        }
        String problem = pkceProblem(request);
        if (problem != null) {
            redirectError(exchange, request, "invalid_request", problem);
            return;
        }
        if ("none".equals(request.prompt())) {
            // No session is kept here: every sign-in shows the form.
            redirectError(exchange, request, "login_required", "the local identity provider keeps no session");
            return;
        }
        if (method.equals("GET")) {
            page(exchange, 200, SignInPage.form(request, null, null, null, List.of()), request.redirectUri());
            return;
        }
        signIn(exchange, request, parameters);
    }

    /** What is wrong with the PKCE parameters of a request, or null. */
    private static String pkceProblem(AuthorizeRequest request) {
        String challenge = request.codeChallenge();
        if (challenge == null) {
            return request.codeChallengeMethod() == null ? null : "code_challenge_method without code_challenge";
        }
        String method = request.effectiveChallengeMethod();
        if (!method.equals("S256") && !method.equals("plain")) {
            return "code_challenge_method must be S256 or plain";
        }
        if (!challenge.matches("[A-Za-z0-9._~-]{43,128}")) {
            return "code_challenge must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~";
        }
        return null;
    }

    private void signIn(HttpExchange exchange, AuthorizeRequest request, Map<String, List<String>> form)
            throws IOException {
        String presetName;
        String username;
        String email;
        List<String> roles = new ArrayList<>();
        try {
            presetName = AuthorizeRequest.single(form, "preset", 64);
            username = trimmed(AuthorizeRequest.single(form, "username", 256));
            email = trimmed(AuthorizeRequest.single(form, "email", 320));
        } catch (IllegalArgumentException e) {
            throw new RefusedPage(400, e.getMessage());
        }
        if (presetName != null) {
            IdentityStandIn.Preset preset = IdentityStandIn.PRESETS.stream()
                    .filter(p -> p.username().equals(presetName))
                    .findFirst()
                    .orElseThrow(() -> new RefusedPage(400, "There is no preset " + presetName + "."));
            username = preset.username();
            email = preset.email();
            roles.addAll(preset.roles());
        } else {
            List<String> ticked = form.getOrDefault("role", List.of());
            String problem = null;
            for (String role : ticked) {
                if (!SignInPage.ROLES.contains(role)) {
                    problem = "Roles: " + role + " is not one of " + String.join(", ", SignInPage.ROLES) + ".";
                }
            }
            SignInPage.ROLES.stream().filter(ticked::contains).forEach(roles::add);
            if (username == null || !USERNAME.matcher(username).matches()) {
                problem = "User id: 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit.";
            } else if (email != null
                    && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
                problem = "E-mail: " + email + " is not an e-mail address (leave it empty for none).";
            }
            if (problem != null) {
                page(exchange, 400, SignInPage.form(request, problem, username, email, roles), request.redirectUri());
                return;
            }
        }
        String code;
        try {
            code = codes.issue(
                    request.clientId(),
                    request.redirectUri(),
                    username,
                    email,
                    roles,
                    request.nonce(),
                    request.codeChallenge(),
                    request.effectiveChallengeMethod());
        } catch (IllegalStateException e) {
            page(exchange, 503, SignInPage.refused(e.getMessage()), null);
            return;
        }
        redirect(exchange, request.redirectUri(), withState(new LinkedHashMap<>(Map.of("code", code)), request));
    }

    private void redirectError(HttpExchange exchange, AuthorizeRequest request, String error, String description)
            throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        redirect(exchange, request.redirectUri(), withState(parameters, request));
    }

    private static Map<String, String> withState(Map<String, String> parameters, AuthorizeRequest request) {
        if (request.state() != null) {
            parameters.put("state", request.state());
        }
        return parameters;
    }

    // --- token ---

    private void token(HttpExchange exchange, String method) throws IOException {
        allow(method, "POST");
        Map<String, List<String>> form = HubApi.form(body(exchange));
        try {
            OidcClient client = authenticate(exchange, form);
            String grantType = AuthorizeRequest.single(form, "grant_type", 64);
            if (grantType == null) {
                throw new OAuthError(400, "invalid_request", "grant_type is missing");
            }
            if (!grantType.equals("authorization_code")) {
                throw new OAuthError(400, "unsupported_grant_type", "only authorization_code is supported");
            }
            String code = AuthorizeRequest.single(form, "code", 256);
            String redirectUri = AuthorizeRequest.single(form, "redirect_uri", 2048);
            String verifier = AuthorizeRequest.single(form, "code_verifier", 256);
            if (code == null) {
                throw new OAuthError(400, "invalid_request", "code is missing");
            }
            if (redirectUri == null) {
                throw new OAuthError(400, "invalid_request", "redirect_uri is missing");
            }
            AuthorizationCodes.Grant grant;
            try {
                grant = codes.redeem(code, client.id(), redirectUri, verifier);
            } catch (AuthorizationCodes.Refused e) {
                throw new OAuthError(400, "invalid_grant", e.getMessage());
            }
            ObjectNode tokens = JSON.createObjectNode();
            tokens.put("access_token", accessToken(grant));
            tokens.put("token_type", "Bearer");
            tokens.put("expires_in", DevStackDefaults.TOKEN_TTL.toSeconds());
            tokens.put("id_token", idToken(grant));
            tokens.put("scope", "openid");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Pragma", "no-cache");
            json(exchange, 200, tokens);
        } catch (IllegalArgumentException e) {
            throw new OAuthError(400, "invalid_request", e.getMessage());
        }
    }

    /** RFC 6749 2.3.1: HTTP Basic (form-encoded id and secret) or both in the body, not both ways at once. */
    private OidcClient authenticate(HttpExchange exchange, Map<String, List<String>> form) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String formId = AuthorizeRequest.single(form, "client_id", 256);
        String formSecret = AuthorizeRequest.single(form, "client_secret", 256);
        String id;
        String secret;
        String challenge = "Basic realm=\"identity stand-in\"";
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new OAuthError(401, "invalid_client", "the Basic credentials are not base64", challenge);
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new OAuthError(401, "invalid_client", "the Basic credentials have no ':'", challenge);
            }
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            if (formSecret != null) {
                throw new OAuthError(400, "invalid_request", "authenticate either with Basic or with client_secret");
            }
            if (formId != null && !formId.equals(id)) {
                throw new OAuthError(400, "invalid_request", "client_id differs from the Basic credentials");
            }
        } else {
            id = formId;
            secret = formSecret;
        }
        OidcClient client = id == null ? null : clients.get(id);
        if (client == null || !client.secretMatches(secret)) {
            throw new OAuthError(401, "invalid_client", "client authentication failed", challenge);
        }
        return client;
    }

    /** What every service accepts: {@link TokenMinter}'s token, with the e-mail receipts go to. */
    private String accessToken(AuthorizationCodes.Grant grant) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (grant.email() != null) {
            extra.put("email", grant.email());
        }
        extra.put("preferred_username", grant.subject());
        return minter.mint(grant.subject(), grant.groups(), DevStackDefaults.TOKEN_TTL, extra);
    }

    /** OpenID Connect Core 2: for the client ({@code aud}), echoing its nonce. */
    private String idToken(AuthorizationCodes.Grant grant) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(minter.issuer());
        claims.setAudience(grant.clientId());
        claims.setClaim("azp", grant.clientId());
        claims.setSubject(grant.subject());
        claims.setClaim("preferred_username", grant.subject());
        claims.setClaim("name", grant.subject());
        if (grant.email() != null) {
            claims.setClaim("email", grant.email());
        }
        claims.setStringListClaim("groups", grant.groups());
        if (grant.nonce() != null) {
            claims.setClaim("nonce", grant.nonce());
        }
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        claims.setClaim("auth_time", now.getValue());
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + DevStackDefaults.TOKEN_TTL.toSeconds()));
        claims.setGeneratedJwtId();
        return minter.sign(claims);
    }

    // --- userinfo ---

    private void userinfo(HttpExchange exchange, String method) throws IOException {
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new MethodNotAllowed("GET, POST");
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new OAuthError(401, "invalid_token", "a Bearer access token is required", "Bearer");
        }
        JwtClaims claims;
        try {
            claims = accessTokens.processToClaims(header.substring(7).trim());
        } catch (InvalidJwtException e) {
            throw new OAuthError(
                    401, "invalid_token", "the access token is not valid here", "Bearer error=\"invalid_token\"");
        }
        try {
            ObjectNode info = JSON.createObjectNode();
            info.put("sub", claims.getSubject());
            info.put("preferred_username", claims.getSubject());
            info.put("name", claims.getSubject());
            if (claims.hasClaim("email")) {
                info.put("email", claims.getStringClaimValue("email"));
            }
            ArrayNode groups = info.putArray("groups");
            if (claims.hasClaim("groups")) {
                claims.getStringListClaimValue("groups").forEach(groups::add);
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            json(exchange, 200, info);
        } catch (MalformedClaimException e) {
            throw new OAuthError(401, "invalid_token", "the access token's claims are malformed", "Bearer");
        }
    }

    // --- logout ---

    private void logout(HttpExchange exchange, String method) throws IOException {
        Map<String, List<String>> parameters = switch (method) {
            case "GET" -> HubApi.form(exchange.getRequestURI().getRawQuery());
            case "POST" -> HubApi.form(body(exchange));
            default -> throw new MethodNotAllowed("GET, POST");
        };
        String target;
        String state;
        String clientId;
        try {
            target = AuthorizeRequest.single(parameters, "post_logout_redirect_uri", 2048);
            state = AuthorizeRequest.single(parameters, "state", AuthorizeRequest.MAX_OPAQUE);
            clientId = AuthorizeRequest.single(parameters, "client_id", 256);
        } catch (IllegalArgumentException e) {
            throw new RefusedPage(400, e.getMessage());
        }
        if (target == null) {
            page(exchange, 200, SignInPage.signedOut(), null);
            return;
        }
        if (clientId != null && !clients.containsKey(clientId)) {
            throw new RefusedPage(400, "The client " + clientId + " is not registered here.");
        }
        boolean registered = clients.values().stream()
                .filter(client -> clientId == null || client.id().equals(clientId))
                .anyMatch(client -> client.allowsRedirectTo(target));
        if (!registered) {
            throw new RefusedPage(400, "The post_logout_redirect_uri " + target + " is not registered for any client.");
        }
        Map<String, String> back = new LinkedHashMap<>();
        if (state != null) {
            back.put("state", state);
        }
        redirect(exchange, target, back);
    }

    // --- plumbing ---

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new MethodNotAllowed(allowed);
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY) {
                    throw new BodyTooLarge();
                }
            } catch (NumberFormatException e) {
                throw new OAuthError(400, "invalid_request", "Content-Length is not a number");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BodyTooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static void redirect(HttpExchange exchange, String target, Map<String, String> parameters)
            throws IOException {
        StringBuilder location = new StringBuilder(target);
        char separator = target.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            location.append(separator)
                    .append(parameter.getKey())
                    .append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(302, -1);
    }

    /**
     * An HTML page with headers that forbid inline script and style and framing; {@code formTarget} is the
     * origin the sign-in form's redirect goes to (browsers apply {@code form-action} to the redirect as well).
     */
    private static void page(HttpExchange exchange, int status, String html, String formTarget) throws IOException {
        String formAction = "'self'";
        if (formTarget != null) {
            URI uri = URI.create(formTarget);
            formAction += " " + uri.getScheme() + "://" + uri.getRawAuthority();
        }
        var headers = exchange.getResponseHeaders();
        headers.set(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'self'; form-action " + formAction
                        + "; frame-ancestors 'none'; base-uri 'none'");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        send(exchange, status, "text/html; charset=utf-8", html);
    }

    private static void json(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        try {
            send(exchange, status, "application/json", JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static ObjectNode error(String error, String description) {
        ObjectNode node = JSON.createObjectNode();
        node.put("error", error);
        node.put("error_description", description);
        return node;
    }

    private static void strings(ObjectNode doc, String field, String... values) {
        ArrayNode array = doc.putArray(field);
        for (String value : values) {
            array.add(value);
        }
    }

    /** A browser request refused with an HTML page. */
    private static final class RefusedPage extends RuntimeException {
        final int status;

        RefusedPage(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** An RFC 6749 5.2 error ({@code invalid_grant}, {@code invalid_client}, ...). */
    private static final class OAuthError extends RuntimeException {
        final int status;
        final String error;
        final String challenge;

        OAuthError(int status, String error, String description) {
            this(status, error, description, null);
        }

        OAuthError(int status, String error, String description, String challenge) {
            super(description, null, false, false);
            this.status = status;
            this.error = error;
            this.challenge = challenge;
        }
    }

    private static final class MethodNotAllowed extends RuntimeException {
        final String allowed;

        MethodNotAllowed(String allowed) {
            super(null, null, false, false);
            this.allowed = allowed;
        }
    }

    private static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }
}
