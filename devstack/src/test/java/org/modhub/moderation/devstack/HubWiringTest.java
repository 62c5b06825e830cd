package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The stand-in as part of the stack: config keys, other JVMs and other class loaders. */
class HubWiringTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void everyServiceIsConfiguredWithTheStandInsUrlAndToken() throws Exception {
        DevStack stack = DevStack.shared();
        HubStandIn hub = stack.hub();

        assertThat(stack.config("review"))
                .containsEntry("kit.hub.url", hub.url())
                .containsEntry("kit.hub.token", hub.token());
        assertThat(stack.serviceConfig("dmca")).containsEntry("kit.hub.url", hub.url());
        // What the launcher and the e2e suite hand a service process.
        assertThat(org.modhub.moderation.devstack.launcher.LocalSuite.serviceEnvironment(stack, "appeals", 18084))
                .containsEntry("KIT_HUB_URL", hub.url())
                .containsEntry("KIT_HUB_TOKEN", hub.token());
        assertThat(stack.externalEnvironment())
                .containsEntry(DevStackEnv.HUB_URL, hub.url())
                .containsEntry(DevStackEnv.HUB_TOKEN, hub.token());
        // The token is the stack's own, and the URL answers with the default fixtures.
        assertThat(hub.token()).isNotEqualTo(DevStackDefaults.HUB_TOKEN);
        HttpResponse<String> alice = CLIENT.send(
                HttpRequest.newBuilder(URI.create(hub.url() + "/api/internal/moderation/v1/accounts/alice"))
                        .header("Authorization", "Bearer " + hub.token())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(alice.statusCode()).isEqualTo(200);
        assertThat(alice.body()).contains("\"u-alice\"");
    }

    @Test
    void anotherJvmUsesTheStandInThroughDevstackHubUrl() {
        DevStack shared = DevStack.shared();
        try (DevStack external = DevStack.start(DevStackOptions.builder()
                .env(shared.externalEnvironment())
                .databases(List.of())
                .build())) {
            HubStandIn hub = external.hub();
            assertThat(hub.isEmbedded()).isFalse();
            assertThat(hub.isControllable()).isFalse();
            assertThat(hub.url()).isEqualTo(shared.hub().url());

            // Test-side calls go over HTTP to the /_standin/ endpoints.
            String ns = "ext" + UUID.randomUUID().toString().substring(0, 8);
            hub.putAccount(ns, "id-" + ns, null, "de", "AU");
            assertThat(shared.hub().fixturesJson()).contains("\"id-" + ns + "\"");
            hub.clearRequests();
            assertThat(hub.requests()).isEmpty();
            assertThatThrownBy(() -> hub.merge("{\"accounts\":[{\"name\":\"--\"}]}"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("accounts[");
            assertThatThrownBy(hub::stop).isInstanceOf(UnsupportedOperationException.class);
        }
        // Closing the external view stopped nothing.
        assertThat(shared.hub().running()).isTrue();
    }

    @Test
    void aCopyInAnotherClassLoaderControlsTheSameStandIn() throws Exception {
        DevStack owner = DevStack.shared();
        try (URLClassLoader isolated = new URLClassLoader(testClassPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> copy = Class.forName(DevStack.class.getName(), true, isolated);
            Object attached = copy.getMethod("shared").invoke(null);
            Object hub = copy.getMethod("hub").invoke(attached);
            Class<?> hubClass = hub.getClass();
            assertThat(hubClass).isNotSameAs(HubStandIn.class);
            assertThat(hubClass.getMethod("url").invoke(hub))
                    .isEqualTo(owner.hub().url());

            String ns = "cl" + UUID.randomUUID().toString().substring(0, 8);
            hubClass.getMethod("putAccount", String.class, String.class, String.class, String.class, String.class)
                    .invoke(hub, ns, "id-" + ns, null, null, "US");
            assertThat(owner.hub().fixturesJson()).contains("\"id-" + ns + "\"");

            owner.hub().clearRequests();
            CLIENT.send(
                    HttpRequest.newBuilder(URI.create(owner.hub().url() + "/api/models/" + ns + "/m"))
                            .header("Authorization", "Bearer " + owner.hub().token())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(hubClass.getMethod("requests").invoke(hub)).isEqualTo(List.of("GET /api/models/" + ns + "/m"));

            hubClass.getMethod("stop").invoke(hub);
            try {
                assertThat(owner.hub().running()).isFalse();
                assertThat(hubClass.getMethod("running").invoke(hub)).isEqualTo(false);
            } finally {
                hubClass.getMethod("start").invoke(hub);
            }
            assertThat(owner.hub().running()).isTrue();
            @SuppressWarnings("unchecked")
            Map<String, String> config =
                    (Map<String, String>) copy.getMethod("config", String.class).invoke(attached, "appeals");
            assertThat(config).containsEntry("kit.hub.token", owner.hub().token());
        }
    }

    private static URL[] testClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
