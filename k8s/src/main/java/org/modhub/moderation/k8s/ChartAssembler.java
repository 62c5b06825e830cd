package org.modhub.moderation.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the umbrella chart at {@code package}: the hand-written chart in {@code k8s/chart} plus,
 * as its subcharts, the chart Quarkus generated for each service ({@code <service>/target/helm/
 * kubernetes/<service>}). Nothing it writes is committed, so it cannot drift.
 *
 * <p>Quarkus writes everything it can express (probes, resources, pod security context, service
 * account, ConfigMap and Secret references, /tmp volume). What it cannot, this class adds to each
 * generated Deployment template, each patch matching exactly once or the build fails:
 * <ul>
 * <li>the container security context (Quarkus has only the pod-level one),</li>
 * <li>{@code terminationGracePeriodSeconds} (graceful shutdown),</li>
 * <li>the image from the global registry, repository, tag and JVM/native flavour,</li>
 * <li>resources from values (JVM or native sizing) instead of literals,</li>
 * <li>no fixed replica count while the autoscaler owns it,</li>
 * <li>the database Secret's name from values, the mail Secrets' references and {@code extraEnv},</li>
 * <li>image pull secrets, and a checksum of the configuration so a changed ConfigMap rolls the pods.</li>
 * </ul>
 *
 * <p>Arguments: the repository root, the output directory, the suite version, the service names.
 */
public final class ChartAssembler {

    static final String CHART = "moderation-suite";

    private final Path root;
    private final Path out;
    private final String version;

    ChartAssembler(Path root, Path out, String version) {
        this.root = root;
        this.out = out;
        this.version = version;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: ChartAssembler <root> <out> <version> <service>...");
        }
        ChartAssembler assembler = new ChartAssembler(Path.of(args[0]), Path.of(args[1]), args[2]);
        assembler.assemble(List.of(args).subList(3, args.length));
    }

    void assemble(List<String> services) throws IOException {
        Path chart = out.resolve(CHART);
        deleteTree(chart);
        copyTree(root.resolve("k8s/chart").resolve(CHART), chart);
        replaceVersion(chart.resolve("Chart.yaml"));
        replaceVersion(chart.resolve("values.yaml"));
        StringBuilder dependencies = new StringBuilder("dependencies:\n");
        for (String service : services) {
            Path generated =
                    root.resolve(service).resolve("target/helm/kubernetes").resolve(service);
            if (!Files.isRegularFile(generated.resolve("Chart.yaml"))) {
                throw new IllegalStateException("no generated chart for " + service + " at " + generated
                        + " — build the service first (mvn package -pl k8s -am)");
            }
            Path sub = chart.resolve("charts").resolve(service);
            copyTree(generated, sub);
            Files.deleteIfExists(sub.resolve("templates/NOTES.txt"));
            patchDeployment(sub, service);
            String subVersion = chartVersion(sub.resolve("Chart.yaml"));
            dependencies
                    .append("  - name: ")
                    .append(service)
                    .append('\n')
                    .append("    version: \"")
                    .append(subVersion)
                    .append("\"\n")
                    .append("    condition: ")
                    .append(service)
                    .append(".enabled\n");
        }
        Files.writeString(chart.resolve("Chart.yaml"), Files.readString(chart.resolve("Chart.yaml")) + dependencies);
    }

    private void replaceVersion(Path file) throws IOException {
        Files.writeString(file, Files.readString(file).replace("@suite.version@", version));
    }

    private static String chartVersion(Path chartYaml) throws IOException {
        Matcher m = Pattern.compile("(?m)^version:\\s*\"?([^\"\\s]+)\"?\\s*$").matcher(Files.readString(chartYaml));
        if (!m.find()) {
            throw new IllegalStateException("no version in " + chartYaml);
        }
        return m.group(1);
    }

    /** Applies the patches; each must match exactly once, so a change in Quarkus's output fails the build. */
    static String patch(String deployment, String service) {
        String d = deployment;
        d = once(
                d,
                "(?m)^  replicas: \\d+\\n",
                "{{- if not .Values.autoscaling.enabled }}\n  replicas: {{ .Values.replicas }}\n{{- end }}\n");
        d = once(
                d,
                "(?m)^          image: \\{\\{ \\.Values\\.app\\.image \\}\\}\\n",
                "          image: \"{{ .Values.global.image.registry }}/{{ .Values.global.image.repository }}/"
                        + "{{ .Chart.Name }}:{{ .Values.global.image.tag }}"
                        + "{{ if eq .Values.global.image.flavour \"native\" }}-native{{ end }}\"\n");
        d = once(
                d,
                "(?m)^          resources:\\n(?:            .*\\n)+",
                "          resources:\n"
                        + "            {{- if eq .Values.global.image.flavour \"native\" }}\n"
                        + "            {{- toYaml .Values.resourcesNative | nindent 12 }}\n"
                        + "            {{- else }}\n"
                        + "            {{- toYaml .Values.resources | nindent 12 }}\n"
                        + "            {{- end }}\n");
        d = once(
                d,
                "(?m)^          name: " + Pattern.quote(service) + "\\n",
                "          name: " + service + "\n"
                        + "          securityContext:\n"
                        + "            {{- toYaml .Values.global.containerSecurityContext | nindent 12 }}\n");
        d = once(
                d,
                "(?m)^      serviceAccountName: ",
                "      terminationGracePeriodSeconds: {{ .Values.global.terminationGracePeriodSeconds }}\n"
                        + "      {{- with .Values.global.imagePullSecrets }}\n"
                        + "      imagePullSecrets:\n"
                        + "        {{- toYaml . | nindent 8 }}\n"
                        + "      {{- end }}\n"
                        + "      serviceAccountName: ");
        d = once(
                d,
                "(?m)^    metadata:\n      annotations:\n",
                "    metadata:\n      annotations:\n"
                        + "        checksum/config: {{ include \"suite.configChecksum\" . }}\n");
        d = once(
                d,
                "(?m)^        - env:\\n",
                "        - env:\n"
                        + "            {{- with (include \"suite.extraEnv\" . | trim) }}\n"
                        + "            {{- . | nindent 12 }}\n"
                        + "            {{- end }}\n");
        d = exactly(
                d,
                "(?m)^(                  name: )" + Pattern.quote(service + "-db") + "\\n",
                "$1{{ include \"suite.databaseSecret\" . }}\n",
                2);
        return d;
    }

    /**
     * Patches the Deployment template and moves the resources Quarkus wrote (sized in service-kit's
     * configuration) into the subchart's values as {@code resources}, so they stay the default.
     */
    private static void patchDeployment(Path sub, String service) throws IOException {
        Path file = sub.resolve("templates/deployment.yaml");
        String deployment = Files.readString(file);
        Matcher block = Pattern.compile("(?m)^          resources:\\n((?:            .*\\n)+)")
                .matcher(deployment);
        if (!block.find()) {
            throw new IllegalStateException("no resources in the generated deployment of " + service);
        }
        String resources = block.group(1).replaceAll("(?m)^          ", "");
        Path values = sub.resolve("values.yaml");
        Files.writeString(
                values,
                Files.readString(values)
                        + "# Added by k8s/ChartAssembler: the resources Quarkus generated (service-kit's sizing).\n"
                        + "resources:\n" + resources);
        Files.writeString(
                file,
                "# Generated by Quarkus (quarkus-helm) and patched by k8s/ChartAssembler at build time.\n"
                        + patch(deployment, service));
    }

    private static String once(String text, String regex, String replacement) {
        return exactly(text, regex, Matcher.quoteReplacement(replacement), 1);
    }

    private static String exactly(String text, String regex, String replacement, int times) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        if (count != times) {
            throw new IllegalStateException("expected " + times + " match(es) of /" + regex + "/ in the generated"
                    + " deployment, found " + count + ": Quarkus's output changed, adapt ChartAssembler");
        }
        return m.replaceAll(replacement);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
