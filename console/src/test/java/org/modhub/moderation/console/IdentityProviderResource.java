package org.modhub.moderation.console;

import java.util.List;
import java.util.Map;

import org.modhub.moderation.devstack.DevStackDefaults;
import org.modhub.moderation.devstack.IdentityStandIn;
import org.modhub.moderation.devstack.JwtKeys;
import org.modhub.moderation.devstack.OidcClient;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * devstack's identity stand-in, a real OpenID Connect provider, for the console's sign-in; no services behind the
 * console (their addresses answer nothing), so every page meets "cannot be reached" once signed in.
 */
public class IdentityProviderResource implements QuarkusTestResourceLifecycleManager {

    static IdentityStandIn provider;

    @Override
    public Map<String, String> start() {
        provider = IdentityStandIn.startEmbedded(0, JwtKeys.generate(), List.of(OidcClient.console()));
        return Map.of(
                "quarkus.oidc.auth-server-url",
                provider.authServerUrl(),
                "quarkus.oidc.client-id",
                DevStackDefaults.CONSOLE_CLIENT_ID,
                "quarkus.oidc.credentials.secret",
                DevStackDefaults.CONSOLE_CLIENT_SECRET,
                "console.local-sign-in",
                "true",
                "quarkus.rest-client.review.url",
                "http://127.0.0.1:9",
                "quarkus.http.test-port",
                "0");
    }

    @Override
    public void stop() {
        if (provider != null) {
            provider.close();
        }
    }
}
