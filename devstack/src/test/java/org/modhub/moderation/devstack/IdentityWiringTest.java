package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.launcher.LocalSuiteAccess;

/** The identity stand-in as part of the stack: the console's configuration, other JVMs, the launcher's printout. */
class IdentityWiringTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void theConsoleIsConfiguredForTheStacksIdentityProvider() throws Exception {
        DevStack stack = DevStack.shared();
        IdentityStandIn identity = stack.identity();

        assertThat(identity.running()).isTrue();
        assertThat(stack.consoleConfig())
                .containsEntry("quarkus.oidc.auth-server-url", identity.url() + "/auth")
                .containsEntry("quarkus.oidc.client-id", "console")
                .containsEntry("quarkus.oidc.credentials.secret", DevStackDefaults.CONSOLE_CLIENT_SECRET)
                .containsEntry("console.local-sign-in", "true");
        HttpResponse<String> discovery = CLIENT.send(
                HttpRequest.newBuilder(URI.create(stack.consoleConfig().get("quarkus.oidc.auth-server-url")
                                + "/.well-known/openid-configuration"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + DevStackDefaults.JWT_ISSUER + "\"");
        // It signs with the stack's key: the JWKS is the one the services' PEM is.
        HttpResponse<String> jwks = CLIENT.send(
                HttpRequest.newBuilder(URI.create(identity.authServerUrl() + "/jwks"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.body()).contains("\"kid\":\"" + stack.jwtKeys().keyId() + "\"");
        assertThat(stack.externalEnvironment()).containsEntry(DevStackEnv.IDP_URL, identity.url());
    }

    @Test
    void anotherJvmUsesTheProviderThroughDevstackIdpUrlButCannotStopIt() {
        DevStack shared = DevStack.shared();
        try (DevStack external = DevStack.start(DevStackOptions.builder()
                .env(shared.externalEnvironment())
                .databases(List.of())
                .build())) {
            IdentityStandIn identity = external.identity();
            assertThat(identity.isEmbedded()).isFalse();
            assertThat(identity.url()).isEqualTo(shared.identity().url());
            assertThat(external.consoleConfig())
                    .containsEntry(
                            "quarkus.oidc.auth-server-url", shared.identity().authServerUrl());
            assertThatThrownBy(identity::stop).isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(shared.identity().running()).isTrue();
    }

    @Test
    void aCopyInAnotherClassLoaderSeesAndControlsTheSameProvider() throws Exception {
        DevStack owner = DevStack.shared();
        try (URLClassLoader isolated = new URLClassLoader(testClassPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> copy = Class.forName(DevStack.class.getName(), true, isolated);
            Object attached = copy.getMethod("shared").invoke(null);
            Object identity = copy.getMethod("identity").invoke(attached);
            Class<?> identityClass = identity.getClass();
            assertThat(identityClass).isNotSameAs(IdentityStandIn.class);
            assertThat(identityClass.getMethod("authServerUrl").invoke(identity))
                    .isEqualTo(owner.identity().authServerUrl());

            identityClass.getMethod("stop").invoke(identity);
            try {
                assertThat(owner.identity().running()).isFalse();
            } finally {
                identityClass.getMethod("start").invoke(identity);
            }
            assertThat(owner.identity().running()).isTrue();
        }
    }

    @Test
    void theLauncherPrintsWhereToSignIn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LocalSuiteAccess.printInfrastructure(new PrintStream(bytes, true, StandardCharsets.UTF_8), DevStack.shared());

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("Sign-in     " + DevStack.shared().identity().authServerUrl())
                .contains("client console, secret " + DevStackDefaults.CONSOLE_CLIENT_SECRET)
                .contains("presets alice, mo2, sam, lee, aud, ada");
    }

    private static URL[] testClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
