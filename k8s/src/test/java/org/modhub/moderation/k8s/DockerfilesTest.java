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
        assertThat(stage(dockerfile, 2))
                .as("the final stage runs as the chart's user")
                .containsPattern("(?m)^USER 185$");
    }

    @Test
    void jvmImageRunsJdk25WithTheCacheOfATrainingRunInTheBuild() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile.jvm"));
        String base = stage(dockerfile, 0);
        String training = stage(dockerfile, 1);
        String last = stage(dockerfile, 2);
        assertThat(base)
                .as("one JDK 25 base for training and running: a cache serves only the JDK that wrote it")
                .containsPattern(
                        "(?m)^FROM registry\\.access\\.redhat\\.com/ubi10/openjdk-25-runtime:[0-9.]+ AS base$");
        assertThat(training)
                .startsWith("FROM base AS training")
                .contains("COPY k8s/docker/aot-train.sh /opt/aot-train.sh")
                .containsPattern("(?m)^USER 185$")
                .containsPattern("(?m)^RUN .*bash /opt/aot-train.sh /deployments /tmp/app.aot$");
        assertThat(DOCKER.resolve("aot-train.sh"))
                .as("the script AotTrainingIT runs")
                .exists();
        assertThat(last)
                .startsWith("FROM base\n")
                .contains("COPY --from=training --chown=185 /tmp/app.aot /deployments/app.aot")
                .containsPattern(
                        "(?m)^ENV JAVA_OPTS_APPEND=\"\\$\\{JAVA_OPTS_APPEND} -XX:AOTCache=/deployments/app.aot\"$")
                .contains("/opt/jboss/container/java/run/run-java.sh");
        // The cache records each jar's size and modification time: the final stage takes the jars
        // the training run used, not a second copy from the build context.
        assertThat(last)
                .doesNotContain("${SERVICE}/target")
                .contains("COPY --from=training --chown=185 /deployments/lib/");
        assertThat(training).doesNotContain("AOTCache=");
    }

    /** The text of the Dockerfile's stage {@code index} (0-based), from its FROM line to the next. */
    private static String stage(String dockerfile, int index) {
        String[] stages = dockerfile.split("(?m)^(?=FROM )");
        // stages[0] is the comment before the first FROM.
        assertThat(stages).as("stages of the Dockerfile").hasSizeGreaterThan(index + 1);
        return stages[index + 1];
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
