package org.modhub.moderation.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * One Dockerfile per flavour for all six services (build argument SERVICE), so they cannot
 * drift apart; they copy what the Quarkus build writes and run as the user the chart expects.
 */
class DockerfilesTest {

    private static final Path DOCKER = RenderedChart.root().resolve("k8s/docker");

    @Test
    void jvmImageCopiesTheFastJarAndRunsAsNonRoot() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile.jvm"));
        assertThat(dockerfile)
                .contains("ARG SERVICE")
                .contains(
                        "${SERVICE}/target/quarkus-app/lib/",
                        "${SERVICE}/target/quarkus-app/app/",
                        "${SERVICE}/target/quarkus-app/quarkus/",
                        "quarkus-run.jar")
                .containsPattern("(?m)^USER 185$")
                .contains("-Djava.io.tmpdir=/tmp");
    }

    @Test
    void nativeImageCopiesTheRunnerAndRunsAsNonRoot() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile.native"));
        assertThat(dockerfile)
                .contains("ARG SERVICE")
                .contains("${SERVICE}/target/*-runner")
                .containsPattern("(?m)^USER 185$");
    }

    @Test
    void theChartRunsImagesAsTheUserTheyAreBuiltFor() throws IOException {
        String kit = Files.readString(
                RenderedChart.root().resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        assertThat(kit).contains("quarkus.kubernetes.security-context.run-as-user=185");
    }

    @Test
    void servicesKeepNoDockerfilesOfTheirOwn() {
        for (String service : RenderedChart.SERVICES) {
            assertThat(RenderedChart.root().resolve(service).resolve("src/main/docker"))
                    .doesNotExist();
        }
    }
}
