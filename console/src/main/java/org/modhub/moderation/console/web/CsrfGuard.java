package org.modhub.moderation.console.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Double-submit CSRF protection: every browser gets a random token in an HttpOnly, SameSite=Strict cookie,
 * the layout hands the same token to htmx, which sends it as {@value CsrfToken#HEADER} on every request. A
 * state-changing request whose header does not match its cookie is refused with 403 before any page code
 * runs, so no form can be submitted from another site (which can neither read the cookie nor set the header).
 */
@ApplicationScoped
public class CsrfGuard {

    static final String COOKIE = "console-csrf";
    static final String TOKEN_KEY = "console.csrf";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final SecureRandom RANDOM = new SecureRandom();

    void install(@Observes Router router) {
        // Before the authentication and the pages (Quarkus's own handlers start at order 0 and above).
        router.route().order(-10).handler(this::guard);
    }

    void guard(RoutingContext context) {
        Cookie cookie = context.request().getCookie(COOKIE);
        String token = cookie == null ? null : cookie.getValue();
        if (SAFE.contains(context.request().method())) {
            if (token == null || token.length() != 43) {
                token = newToken();
                context.response()
                        .addCookie(Cookie.cookie(COOKIE, token)
                                .setPath("/")
                                .setHttpOnly(true)
                                .setSecure(true)
                                .setSameSite(CookieSameSite.STRICT));
            }
            context.put(TOKEN_KEY, token);
            if (!isStatic(context.normalizedPath())) {
                // Staff pages hold personal data: never in a shared or disk cache.
                context.response().putHeader("Cache-Control", "no-store");
            }
            context.next();
            return;
        }
        String sent = context.request().getHeader(CsrfToken.HEADER);
        if (token == null || sent == null || !constantTimeEquals(token, sent)) {
            context.response()
                    .setStatusCode(403)
                    .putHeader("Content-Type", "application/problem+json")
                    .end("{\"type\":\"urn:modhub:problem:csrf\",\"title\":\"This form is out of date\",\"status\":403,"
                            + "\"detail\":\"Reload the page and try again: the request did not carry this browser's "
                            + CsrfToken.HEADER + "\"}");
            return;
        }
        context.put(TOKEN_KEY, token);
        context.next();
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/static/") || path.startsWith("/webjars/");
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
