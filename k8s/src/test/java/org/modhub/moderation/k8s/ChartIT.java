package org.modhub.moderation.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modhub.moderation.k8s.RenderedChart.CONSOLE;
import static org.modhub.moderation.k8s.RenderedChart.SERVICES;
import static org.modhub.moderation.k8s.RenderedChart.WORKLOADS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modhub.moderation.contracts.Topics;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Runs Helm itself (helm-java) on the umbrella chart assembled at package, and checks what an
 * operator relies on in every rendered document.
 */
class ChartIT {

    private static final Path PRODUCTION = RenderedChart.root().resolve("k8s/values-production.yaml");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL)");

    static Stream<Arguments> renderings() {
        return Stream.of(
                Arguments.of("default values", null, Map.of()),
                Arguments.of("values-production.yaml", PRODUCTION, Map.of()),
                Arguments.of(
                        "every optional resource",
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
                                "true",
                                "tracing.enabled",
                                "true",
                                "tracing.otlpEndpoint",
                                "http://otel-collector.observability.svc:4317")));
    }

    @Test
    void lintStrictPasses() {
        LintResult result = new Helm(RenderedChart.chart()).lint().strict().call();
        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyDocumentIsAKnownKubernetesObjectWithNoUnknownField(String what, Path values, Map<String, String> set) {
        RenderedChart chart = RenderedChart.render(values, set);
        assertThat(chart.resources).isNotEmpty();
        for (HasMetadata r : chart.resources) {
            String id = r.getKind() + "/"
                    + (r.getMetadata() == null ? "?" : r.getMetadata().getName());
            assertThat(r.getApiVersion()).as(id + " apiVersion").isNotBlank();
            assertThat(r.getMetadata()).as(id + " metadata").isNotNull();
            assertThat(r.getMetadata().getName()).as(id + " name").matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            assertThat(RenderedChart.unknownFields(r))
                    .as(id + " fields unknown to the Kubernetes model")
                    .isEmpty();
            if (r instanceof GenericKubernetesResource custom) {
                assertThat(custom.getApiVersion())
                        .as(id + " is one of the optional operator resources")
                        .isIn("kafka.strimzi.io/v1beta2", "postgresql.cnpg.io/v1", "monitoring.coreos.com/v1");
            }
            RequiredFields.check(r);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceAndTheConsoleRunHardenedWithProbesResourcesAndTheirOwnAccount(
            String what, Path values, Map<String, String> set) {
        RenderedChart chart = RenderedChart.render(values, set);
        List<Deployment> deployments = chart.all(Deployment.class);
        assertThat(deployments)
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(WORKLOADS);
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getServiceAccountName())
                    .as(name + " service account")
                    .isEqualTo(name);
            ServiceAccount account = chart.named(ServiceAccount.class, name);
            assertThat(account.getAutomountServiceAccountToken())
                    .as(name + " mounts no API token")
                    .isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot())
                    .as(name + " pod runAsNonRoot")
                    .isTrue();
            assertThat(pod.getTerminationGracePeriodSeconds())
                    .as(name + " grace period beyond the 30 s shutdown")
                    .isGreaterThan(30L);
            assertThat(pod.getVolumes()).as(name + " writable /tmp").anyMatch(v -> v.getEmptyDir() != null);
            assertThat(pod.getContainers()).hasSize(1);
            assertThat(pod.getInitContainers()).as(name + " no init containers").isNullOrEmpty();
            Container c = pod.getContainers().get(0);
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            for (String kind : List.of("cpu", "memory")) {
                assertThat(c.getResources().getRequests())
                        .as(name + " requests")
                        .containsKey(kind);
            }
            assertThat(c.getResources().getLimits()).as(name + " limits").containsKey("memory");
            var sc = c.getSecurityContext();
            assertThat(sc).as(name + " container security context").isNotNull();
            assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
            assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
            assertThat(sc.getRunAsNonRoot()).isTrue();
            assertThat(sc.getCapabilities().getDrop()).contains("ALL");
            assertThat(sc.getCapabilities().getAdd()).isNullOrEmpty();
            assertThat(c.getEnvFrom())
                    .as(name + " configuration from its ConfigMap")
                    .anyMatch(e -> e.getConfigMapRef() != null
                            && (name + "-config").equals(e.getConfigMapRef().getName()));
            assertThat(chart.named(ConfigMap.class, name + "-config").getData())
                    .as(name + " drains before it stops")
                    .containsEntry("QUARKUS_SHUTDOWN_DELAY", "5s");
            assertThat(c.getImage()).as(name + " image").contains("/" + name + ":");
            chart.named(Service.class, name);
            chart.named(PodDisruptionBudget.class, name);
            HorizontalPodAutoscaler hpa = chart.named(HorizontalPodAutoscaler.class, name);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(d.getSpec().getReplicas())
                    .as(name + " replicas owned by the autoscaler")
                    .isNull();
            chart.named(NetworkPolicy.class, name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void noSecretValueIsRendered(String what, Path values, Map<String, String> set) {
        RenderedChart chart = RenderedChart.render(values, set);
        assertThat(chart.all(Secret.class)).as("the chart never makes a Secret").isEmpty();
        assertThat(chart.text)
                .doesNotContainPattern("(?i)BEGIN [A-Z ]*PRIVATE KEY")
                .doesNotContain("kind: Secret");
        for (ConfigMap cm : chart.all(ConfigMap.class)) {
            assertThat(cm.getData().keySet())
                    .as(cm.getMetadata().getName() + " keys")
                    .noneMatch(k -> SECRET_NAME.matcher(k).find());
            assertThat(cm.getData().values())
                    .as(cm.getMetadata().getName() + " values carry no credentials in URLs")
                    .noneMatch(v -> v.matches("(?s).*://[^/@\\s]+:[^/@\\s]+@.*"));
        }
        for (Deployment d : chart.all(Deployment.class)) {
            for (EnvVar env :
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (SECRET_NAME.matcher(env.getName()).find()
                        || env.getName().endsWith("_USERNAME")
                        || env.getName().endsWith("_USER")) {
                    assertThat(env.getValue())
                            .as(env.getName() + " is a reference, not a value")
                            .isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef())
                            .as(env.getName())
                            .isNotNull();
                }
            }
        }
    }

    @Test
    void databaseAndMailAccountsAreReadFromTheNamedSecrets() {
        RenderedChart chart = RenderedChart.render(PRODUCTION, Map.of());
        Container reporting = container(chart, "reporting-service");
        assertThat(secretRef(reporting, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("reporting-db-account/password");
        assertThat(secretRef(reporting, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo("reporting-db-account/username");
        Container notification = container(chart, "notification-service");
        assertThat(secretRef(notification, "QUARKUS_MAILER_PASSWORD")).isEqualTo("moderation-smtp/password");
        assertThat(secretRef(notification, "NOTIFICATION_INBOUND_MAILBOXES_DMCA_PASSWORD"))
                .isEqualTo("moderation-mailboxes/dmca-password");
        // feedback@ (issue 21) is read like the other inboxes.
        assertThat(secretRef(notification, "NOTIFICATION_INBOUND_MAILBOXES_FEEDBACK_PASSWORD"))
                .isEqualTo("moderation-mailboxes/feedback-password");
        assertThat(chart.named(ConfigMap.class, "notification-service-config").getData())
                .containsEntry("NOTIFICATION_INBOUND_MAILBOXES_FEEDBACK_ADDRESS", "feedback@hub.example.com");
        assertThat(reporting.getEnv()).extracting(EnvVar::getName).noneMatch(n -> n.startsWith("QUARKUS_MAILER"));
        ConfigMap config = chart.named(ConfigMap.class, "reporting-service-config");
        assertThat(config.getData())
                .containsEntry(
                        "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://pg-reporting.databases.svc:5432/reporting")
                .containsEntry(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "kafka-0.kafka.svc:9092,kafka-1.kafka.svc:9092,kafka-2.kafka.svc:9092")
                .containsEntry("MP_JWT_VERIFY_ISSUER", "https://hub.example.com/auth")
                .containsEntry("QUARKUS_LOG_LEVEL", "INFO");
        assertThat(container(chart, "review-service").getImage())
                .isEqualTo("registry.example.com/trust-and-safety/review-service:0.1.0-native");
        assertThat(container(chart, "review-service")
                        .getResources()
                        .getLimits()
                        .get("memory")
                        .toString())
                .as("native sizing")
                .isEqualTo("256Mi");

        RenderedChart cnpg = RenderedChart.render(null, Map.of("global.cloudnativepg.enabled", "true"));
        assertThat(secretRef(container(cnpg, "dmca-service"), "QUARKUS_DATASOURCE_PASSWORD"))
                .isEqualTo("dmca-service-db-app/password");
        assertThat(cnpg.custom("Cluster"))
                .extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(
                        SERVICES.stream().map(s -> s + "-db").toList());
        assertThat(cnpg.named(ConfigMap.class, "dmca-service-config").getData().get("QUARKUS_DATASOURCE_JDBC_URL"))
                .isEqualTo("jdbc:postgresql://dmca-service-db-rw:5432/dmca");
    }

    @Test
    void everyServiceIsToldWhereTheHubIsAndReadsItsTokenThereFromTheNamedSecret() {
        RenderedChart chart = RenderedChart.render(PRODUCTION, Map.of());
        for (String service : SERVICES) {
            assertThat(chart.named(ConfigMap.class, service + "-config").getData())
                    .as(service)
                    .containsEntry("KIT_HUB_URL", "https://api.hub.example.com")
                    .doesNotContainKey("KIT_HUB_TOKEN");
            assertThat(secretRef(container(chart, service), "KIT_HUB_TOKEN"))
                    .as(service)
                    .isEqualTo("moderation-hub/token");
        }
        RenderedChart custom = RenderedChart.render(
                null,
                Map.of(
                        "global.hub.url", "http://hub-api.hub.svc:8080",
                        "global.hub.tokenSecret.name", "hub-credentials",
                        "global.hub.tokenSecret.key", "moderation-token"));
        assertThat(custom.named(ConfigMap.class, "review-service-config").getData())
                .containsEntry("KIT_HUB_URL", "http://hub-api.hub.svc:8080");
        assertThat(secretRef(container(custom, "dmca-service"), "KIT_HUB_TOKEN"))
                .isEqualTo("hub-credentials/moderation-token");
    }

    @Test
    void aChangedConfigurationRollsThePodsAndPrivateRegistriesWork() {
        RenderedChart before = RenderedChart.render(null, Map.of());
        RenderedChart after = RenderedChart.render(null, Map.of("global.kafka.bootstrapServers", "other-kafka:9092"));
        for (String service : SERVICES) {
            String checksum = podAnnotations(before, service).get("checksum/config");
            assertThat(checksum).as(service).isNotBlank();
            assertThat(podAnnotations(after, service).get("checksum/config"))
                    .as(service)
                    .isNotEqualTo(checksum);
            assertThat(podAnnotations(RenderedChart.render(null, Map.of()), service)
                            .get("checksum/config"))
                    .as(service + " stable between renderings")
                    .isEqualTo(checksum);
        }
        RenderedChart production = RenderedChart.render(PRODUCTION, Map.of());
        assertThat(production
                        .named(Deployment.class, "appeals-service")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getImagePullSecrets())
                .extracting(s -> s.getName())
                .containsExactly("registry-credentials");
        assertThat(before.named(Deployment.class, "appeals-service")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getImagePullSecrets())
                .isNullOrEmpty();
    }

    private static Map<String, String> podAnnotations(RenderedChart chart, String service) {
        return chart.named(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations();
    }

    @Test
    void everyServiceSendsItsSpansToTheCollectorOnlyWhenTracingIsEnabled() {
        List<String> tracingEnv = List.of(
                "KIT_TRACING_EXPORT",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
                "QUARKUS_OTEL_TRACES_SAMPLER_ARG");
        RenderedChart off = RenderedChart.render(PRODUCTION, Map.of());
        RenderedChart on = RenderedChart.render(
                PRODUCTION,
                Map.of(
                        "tracing.enabled", "true",
                        "tracing.otlpEndpoint", "http://otel-collector.observability.svc:4318",
                        "tracing.protocol", "http/protobuf",
                        "tracing.samplerRatio", "0",
                        "networkPolicy.otlp.port", "4318"));
        for (String service : SERVICES) {
            assertThat(off.named(ConfigMap.class, service + "-config").getData())
                    .as(service)
                    .doesNotContainKeys(tracingEnv.toArray(String[]::new));
            assertThat(egressPorts(off, service)).as(service).doesNotContain(4317, 4318);
            assertThat(on.named(ConfigMap.class, service + "-config").getData())
                    .as(service)
                    .containsEntry("KIT_TRACING_EXPORT", "true")
                    .containsEntry(
                            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                            "http://otel-collector.observability.svc:4318")
                    .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf")
                    .as(service + ": a ratio of 0 keeps no new trace, it is not left out")
                    .containsEntry("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0");
            assertThat(egressPorts(on, service)).as(service).contains(4318);
        }
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("tracing.enabled", "true")))
                .hasMessageContaining("tracing.otlpEndpoint is required");
    }

    private static Set<Integer> egressPorts(RenderedChart chart, String service) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (NetworkPolicyEgressRule rule :
                chart.named(NetworkPolicy.class, service).getSpec().getEgress()) {
            rule.getPorts().forEach(p -> ports.add(p.getPort().getIntVal()));
        }
        return ports;
    }

    @Test
    void optionalOperatorResourcesAreOffByDefault() {
        RenderedChart chart = RenderedChart.render(null, Map.of());
        assertThat(chart.all(GenericKubernetesResource.class)).isEmpty();
        assertThat(container(chart, "appeals-service").getImage())
                .endsWith(":"
                        + chart.named(Deployment.class, "appeals-service")
                                .getMetadata()
                                .getLabels()
                                .get("app.kubernetes.io/version"));
    }

    @Test
    void topicsInTheChartAreTheTopicsOfTheContracts() throws IOException {
        RenderedChart chart =
                RenderedChart.render(null, Map.of("strimzi.kafka.enabled", "true", "strimzi.topics.enabled", "true"));
        List<String> chartTopics = chart.custom("KafkaTopic").stream()
                .map(t -> (String) ((Map<?, ?>) t.getAdditionalProperties().get("spec")).get("topicName"))
                .toList();
        List<String> contractTopics = new ArrayList<>(Topics.EVENT_TOPICS);
        contractTopics.addAll(Topics.DEAD_LETTER_TOPICS);
        assertThat(chartTopics).containsExactlyInAnyOrderElementsOf(contractTopics);
        assertThat(chart.custom("Kafka")).hasSize(1);
        assertThat(chart.named(ConfigMap.class, "review-service-config")
                        .getData()
                        .get("KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo("moderation-kafka-kafka-bootstrap:9092");

        // Every topic a service's configuration names is one of them.
        Pattern topicProperty = Pattern.compile("(?m)^[^#%\\s][^=]*\\.topic\\s*=\\s*(\\S+)\\s*$");
        Set<String> used = new LinkedHashSet<>();
        for (String service : SERVICES) {
            Path properties =
                    RenderedChart.root().resolve(service).resolve("src/main/resources/application.properties");
            Matcher m = topicProperty.matcher(Files.readString(properties));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(used).isNotEmpty().allMatch(contractTopics::contains, "a topic of the contracts");
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("refusedValues")
    void theValuesSchemaRefusesUnsafeOrMistypedSettings(String key, String value, String why) {
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of(key, value)))
                .as(why)
                .hasMessageContaining("values don't meet the specifications of the schema");
    }

    static Stream<Arguments> refusedValues() {
        return Stream.of(
                Arguments.of("global.containerSecurityContext.readOnlyRootFilesystem", "false", "weaker hardening"),
                Arguments.of("global.containerSecurityContext.allowPrivilegeEscalation", "true", "weaker hardening"),
                Arguments.of("global.image.flavour", "graal", "only jvm or native"),
                Arguments.of("global.config.DB_PASSWORD", "hunter2", "no secret in a ConfigMap"),
                Arguments.of("global.terminationGracePeriodSeconds", "10", "shorter than the shutdown"),
                Arguments.of("global.databases.review-service.port", "postgres", "a port is a number"),
                Arguments.of("global.kafka.bootstrapServers", "kafka", "host:port"),
                Arguments.of("global.hub.url", "https://moderation:hunter2@hub.example.com", "no credentials in a URL"),
                Arguments.of("global.hub.url", "hub.example.com", "the hub's URL has a scheme"),
                Arguments.of("global.imagee.tag", "1", "misspelt key"),
                Arguments.of("tracing.otlpEndpoint", "http://u:hunter2@collector:4317", "no credentials in a URL"),
                Arguments.of("tracing.protocol", "http/json", "grpc or http/protobuf"),
                Arguments.of("tracing.samplerRatio", "2", "a share of traces, 0 to 1"),
                Arguments.of("console.oidc.clientSecret", "hunter2", "the client secret only by Secret reference"),
                Arguments.of("console.config.QUARKUS_OIDC_CREDENTIALS_SECRET", "hunter2", "no secret in a ConfigMap"),
                Arguments.of("console.config.CONSOLE_LOCAL_SIGN_IN", "true", "local sign-in is development only"),
                Arguments.of(
                        "console.oidc.authServerUrl", "https://c:hunter2@idp.example.com", "no credentials in a URL"),
                Arguments.of("console.ingress.tls.secretName", "", "the console is served over TLS only"),
                Arguments.of("console.image.flavour", "graal", "only jvm or native"));
    }

    @Test
    void networkPoliciesAllowOnlyTheArchitecturesFlows() {
        RenderedChart chart = RenderedChart.render(PRODUCTION, Map.of());
        for (String service : SERVICES) {
            NetworkPolicy np = chart.named(NetworkPolicy.class, service);
            assertThat(np.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(np.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", service);
            // The hub (and monitoring) may call the HTTP port, and the staff console's pods; nothing else,
            // and no other service.
            assertThat(np.getSpec().getIngress()).allSatisfy(rule -> {
                assertThat(rule.getFrom()).isNotEmpty().allSatisfy(peer -> {
                    if (peer.getNamespaceSelector() == null) {
                        assertThat(peer.getPodSelector().getMatchLabels())
                                .as(service + " in-namespace caller")
                                .containsEntry("app.kubernetes.io/name", CONSOLE);
                    } else {
                        assertThat(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                                .isIn("hub", "monitoring");
                    }
                });
                assertThat(rule.getPorts())
                        .extracting(p -> p.getPort().getStrVal())
                        .containsExactly("http");
            });
            assertThat(np.getSpec().getIngress())
                    .as(service + " answers the console")
                    .anyMatch(rule -> rule.getFrom().stream()
                            .anyMatch(peer -> peer.getNamespaceSelector() == null
                                    && CONSOLE.equals(peer.getPodSelector()
                                            .getMatchLabels()
                                            .get("app.kubernetes.io/name"))));
            Set<Integer> ports = new LinkedHashSet<>();
            for (NetworkPolicyEgressRule rule : np.getSpec().getEgress()) {
                rule.getPorts().forEach(p -> ports.add(p.getPort().getIntVal()));
            }
            // 443: every service asks the hub's API who owns what (service-kit's hub directory, issue 23).
            Set<Integer> expected = new LinkedHashSet<>(List.of(53, 5432, 9092, 443));
            if (service.equals("notification-service")) {
                expected.addAll(List.of(587, 993));
            }
            if (service.equals("review-service")) {
                expected.add(443); // statements of reasons to the DSA Transparency Database
            }
            assertThat(ports).as(service + " egress ports").containsExactlyInAnyOrderElementsOf(expected);
            assertThat(np.getSpec().getEgress())
                    .as(service + " egress peers are named")
                    .allSatisfy(rule -> assertThat(rule.getTo()).isNotEmpty());
        }
    }

    @Test
    void theConsoleIsServedByDefaultOverTlsAtItsHostAndSignsStaffInAtTheOidcProvider() {
        RenderedChart chart = RenderedChart.render(null, Map.of());
        Ingress ingress = chart.named(Ingress.class, CONSOLE);
        assertThat(ingress.getSpec().getRules()).hasSize(1);
        IngressRule rule = ingress.getSpec().getRules().get(0);
        assertThat(rule.getHost()).isEqualTo("console.example.com");
        assertThat(ingress.getSpec().getTls())
                .as("TLS ends at the Ingress, for the host it routes")
                .singleElement()
                .satisfies(tls -> {
                    assertThat(tls.getHosts()).containsExactly("console.example.com");
                    assertThat(tls.getSecretName()).isEqualTo("console-tls");
                });
        var backend = rule.getHttp().getPaths().get(0).getBackend().getService();
        assertThat(backend.getName()).isEqualTo(CONSOLE);
        Service service = chart.named(Service.class, CONSOLE);
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo(backend.getPort().getName());
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
        assertThat(service.getSpec().getSelector())
                .isEqualTo(chart.named(Deployment.class, CONSOLE)
                        .getSpec()
                        .getSelector()
                        .getMatchLabels());

        Container console = container(chart, CONSOLE);
        assertThat(console.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
        assertThat(console.getReadinessProbe().getHttpGet().getPort().getIntVal())
                .isEqualTo(8080);
        assertThat(secretRef(console, "QUARKUS_OIDC_CREDENTIALS_SECRET"))
                .isEqualTo("moderation-console-oidc/client-secret");
        Map<String, String> config =
                chart.named(ConfigMap.class, CONSOLE + "-config").getData();
        assertThat(config)
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "https://hub.example.com/auth")
                .containsEntry("QUARKUS_OIDC_CLIENT_ID", "console")
                .containsEntry("QUARKUS_HTTP_PORT", "8080")
                // Behind the TLS-terminating Ingress: redirects and Secure cookies see https.
                .containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true")
                .containsEntry("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true")
                .doesNotContainKeys("QUARKUS_OIDC_CREDENTIALS_SECRET", "KAFKA_BOOTSTRAP_SERVERS")
                .noneSatisfy((k, v) -> assertThat(k).startsWith("QUARKUS_DATASOURCE"));
        // Each REST client's URL is the in-cluster Service of the service it calls.
        for (String name : SERVICES) {
            String client = name.replace("-service", "").toUpperCase(Locale.ROOT);
            String url = config.get("QUARKUS_REST_CLIENT_" + client + "_URL");
            assertThat(url).as(client).isEqualTo("http://" + name + ".moderation.svc");
            assertThat(chart.named(Service.class, name).getSpec().getPorts())
                    .as(name + " answers on the URL's port")
                    .anyMatch(p -> p.getPort() == 80);
        }
        assertThat(container(chart, CONSOLE).getEnv())
                .extracting(EnvVar::getName)
                .doesNotContain("CONSOLE_LOCAL_SIGN_IN");
        assertThat(chart.text).as("local sign-in is for development only").doesNotContain("CONSOLE_LOCAL_SIGN_IN");

        RenderedChart otherIssuer = RenderedChart.render(
                null, Map.of("console.oidc.authServerUrl", "https://sso.example.org/realms/staff"));
        assertThat(podAnnotations(otherIssuer, CONSOLE).get("checksum/config"))
                .as("a changed console configuration rolls its pods")
                .isNotEqualTo(podAnnotations(chart, CONSOLE).get("checksum/config"));
    }

    @Test
    void productionValuesNameTheConsolesHostClassIssuerAndClient() {
        RenderedChart chart = RenderedChart.render(PRODUCTION, Map.of());
        Ingress ingress = chart.named(Ingress.class, CONSOLE);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("moderation.hub.example.com");
        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("moderation-console-tls");
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
        assertThat(chart.named(ConfigMap.class, CONSOLE + "-config").getData())
                .containsEntry("QUARKUS_OIDC_CLIENT_ID", "moderation-console")
                .containsEntry("QUARKUS_LOG_LEVEL", "INFO");
        assertThat(container(chart, CONSOLE).getImage())
                .as("console.image.flavour overrides the global native flavour")
                .isEqualTo("registry.example.com/trust-and-safety/console:0.1.0");
        assertThat(container(chart, CONSOLE)
                        .getResources()
                        .getLimits()
                        .get("memory")
                        .toString())
                .as("JVM sizing for the JVM image")
                .isEqualTo("512Mi");
    }

    @Test
    void theConsoleNeedsItsOidcProviderAndDisappearsWhenDisabled() {
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("console.oidc.authServerUrl", "")))
                .hasMessageContaining("console.oidc.authServerUrl is required");

        RenderedChart without =
                RenderedChart.render(null, Map.of("console.enabled", "false", "console.oidc.authServerUrl", ""));
        assertThat(without.resources)
                .as("nothing of the console is installed")
                .noneMatch(r -> r.getMetadata().getName().startsWith(CONSOLE));
        assertThat(without.all(Ingress.class)).isEmpty();
        assertThat(without.all(Deployment.class))
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String service : SERVICES) {
            assertThat(without.named(NetworkPolicy.class, service).getSpec().getIngress())
                    .as(service + " admits no console that is not there")
                    .allSatisfy(rule -> assertThat(rule.getFrom())
                            .allSatisfy(peer ->
                                    assertThat(peer.getNamespaceSelector()).isNotNull()));
        }

        RenderedChart noIngress = RenderedChart.render(null, Map.of("console.ingress.enabled", "false"));
        assertThat(noIngress.all(Ingress.class)).isEmpty();
        noIngress.named(Deployment.class, CONSOLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("localSignIn")
    void theConsolesLocalSignInCannotBeInstalled(String key, String value) {
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of(key, value)))
                .hasMessageContaining("CONSOLE_LOCAL_SIGN_IN is for local development only");
    }

    static Stream<Arguments> localSignIn() {
        return Stream.of(
                Arguments.of("global.config.CONSOLE_LOCAL_SIGN_IN", "true"),
                Arguments.of("console.extraEnv[0].name", "CONSOLE_LOCAL_SIGN_IN"));
    }

    @Test
    void onlyTheIngressControllerReachesTheConsoleWhichReachesTheServicesAndItsOidcProvider() {
        RenderedChart chart = RenderedChart.render(PRODUCTION, Map.of());
        NetworkPolicy np = chart.named(NetworkPolicy.class, CONSOLE);
        assertThat(np.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(np.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", CONSOLE);
        assertThat(np.getSpec().getIngress()).allSatisfy(rule -> {
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getStrVal()).containsExactly("http");
            assertThat(rule.getFrom())
                    .isNotEmpty()
                    .allSatisfy(peer -> assertThat(
                                    peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                            .isIn("ingress-nginx", "monitoring"));
        });
        assertThat(np.getSpec().getIngress())
                .anyMatch(rule -> rule.getFrom().stream()
                        .anyMatch(peer -> "ingress-nginx"
                                .equals(peer.getNamespaceSelector()
                                        .getMatchLabels()
                                        .get("kubernetes.io/metadata.name"))));
        List<NetworkPolicyEgressRule> egress = np.getSpec().getEgress();
        assertThat(egress)
                .as("egress peers are named")
                .allSatisfy(rule -> assertThat(rule.getTo()).isNotEmpty());
        NetworkPolicyEgressRule toServices = egress.stream()
                .filter(r -> r.getPorts().stream()
                        .anyMatch(p -> "http".equals(p.getPort().getStrVal())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no egress to the services"));
        assertThat(toServices.getTo())
                .extracting(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        Set<Integer> ports = new LinkedHashSet<>();
        egress.forEach(r -> r.getPorts().stream()
                .filter(p -> p.getPort().getIntVal() != null)
                .forEach(p -> ports.add(p.getPort().getIntVal())));
        assertThat(ports)
                .as("DNS and HTTPS to the OIDC provider; no database, Kafka or mail")
                .containsExactlyInAnyOrder(53, 443);
        assertThat(egress.stream()
                        .filter(r -> r.getPorts().stream()
                                .anyMatch(p ->
                                        Integer.valueOf(443).equals(p.getPort().getIntVal())))
                        .flatMap(r -> r.getTo().stream())
                        .map(peer ->
                                peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))
                .as("the OIDC provider's peers from networkPolicy.oidc")
                .containsExactly("hub");
    }

    private static Container container(RenderedChart chart, String service) {
        return chart.named(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
    }

    private static String secretRef(Container c, String env) {
        EnvVar var = c.getEnv().stream()
                .filter(e -> e.getName().equals(env))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + env + " in " + c.getName()));
        return var.getValueFrom().getSecretKeyRef().getName() + "/"
                + var.getValueFrom().getSecretKeyRef().getKey();
    }
}
