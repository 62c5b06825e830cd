package org.modhub.moderation.console.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's own settings; service addresses and sign-in are Quarkus's (REST client, OIDC). */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /**
     * Whether people sign in through devstack's identity stand-in (bin/run, tests): every page then says
     * so, so nobody mistakes a local console for the real one.
     */
    @WithDefault("false")
    boolean localSignIn();
}
