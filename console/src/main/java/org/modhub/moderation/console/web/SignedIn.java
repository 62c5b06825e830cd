package org.modhub.moderation.console.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The person at the keyboard, as the layout shows them: their id, roles, the pages they may open and the
 * CSRF token their page's requests carry. Templates read it as {@code inject:me}.
 */
@RequestScoped
@Named("me")
public class SignedIn {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    ConsoleConfig config;

    @Inject
    CsrfToken csrf;

    @Inject
    RoutingContext context;

    public String id() {
        return identity.isAnonymous() ? "" : idToken.getSubject();
    }

    public String email() {
        String email = identity.isAnonymous() ? null : idToken.getClaim("email");
        return email == null ? "" : email;
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAny(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public List<Page> pages() {
        return Page.openTo(identity.getRoles(), List.of(Page.values()));
    }

    /** Whether this request is for that page or one below it (the navigation marks it). */
    public boolean isCurrent(Page page) {
        String path = context.normalizedPath();
        return path.equals(page.path())
                || path.startsWith(page.path() + "/")
                || (page == Page.QUEUE && path.startsWith("/cases/"));
    }

    public boolean localSignIn() {
        return config.localSignIn();
    }

    public String csrf() {
        return csrf.value();
    }

    /** The value of the {@code hx-headers} attribute on {@code <body>}: every htmx request carries the token. */
    public String csrfHeaders() {
        return "{\"" + CsrfToken.HEADER + "\": \"" + csrf.value() + "\"}";
    }
}
