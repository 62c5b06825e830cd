package org.modhub.moderation.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Required fields and types of every rendered document, checked against the Kubernetes OpenAPI
 * schema by the npm package kubernetes-models ({@code k8s/schema/validate.mjs}). Needs Node.js;
 * {@code npm ci} runs once (then works offline from the npm cache). Skipped where Node is absent.
 */
class KubernetesModelsIT {

    private static final Path SCHEMA = RenderedChart.root().resolve("k8s/schema");

    @Test
    void everyRenderedDocumentValidatesAgainstTheKubernetesSchema() throws Exception {
        assumeTrue(run(SCHEMA, "node", "--version").exitCode == 0, "Node.js is not installed");
        if (!Files.isDirectory(SCHEMA.resolve("node_modules/kubernetes-models"))) {
            Result install = run(SCHEMA, "npm", "ci", "--no-audit", "--no-fund", "--prefer-offline");
            assumeTrue(install.exitCode == 0, "npm ci failed (no registry, no cache?): " + install.output);
        }
        Path dir = Path.of("target/rendered");
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
        Map<String, RenderedChart> renderings = Map.of(
                "default", RenderedChart.render(null, Map.of()),
                "production",
                        RenderedChart.render(RenderedChart.root().resolve("k8s/values-production.yaml"), Map.of()),
                "optional",
                        RenderedChart.render(
                                null,
                                Map.of(
                                        "strimzi.kafka.enabled",
                                        "true",
                                        "strimzi.topics.enabled",
                                        "true",
                                        "global.cloudnativepg.enabled",
                                        "true",
                                        "monitoring.prometheusRule.enabled",
                                        "true",
                                        "monitoring.serviceMonitor.enabled",
                                        "true",
                                        "monitoring.dashboards.enabled",
                                        "true")));
        for (var e : renderings.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".yaml").toAbsolutePath();
            Files.writeString(file, e.getValue().text);
            command.add(file.toString());
        }
        Result result = run(SCHEMA, command.toArray(String[]::new));
        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output).contains(" 0 problem(s)");
    }

    private record Result(int exitCode, String output) {}

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException notInstalled) {
            return new Result(-1, notInstalled.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
