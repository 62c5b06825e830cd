package org.modhub.moderation.console.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The CSRF token of this request, as {@link CsrfGuard} found or issued it. */
@RequestScoped
public class CsrfToken {

    public static final String HEADER = "X-CSRF-Token";

    @Inject
    RoutingContext context;

    public String value() {
        String token = context.get(CsrfGuard.TOKEN_KEY);
        return token == null ? "" : token;
    }
}
