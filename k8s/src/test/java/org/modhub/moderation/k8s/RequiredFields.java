package org.modhub.moderation.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The fields the Kubernetes OpenAPI schema marks required for the kinds this chart renders, and
 * the few the optional operators' CRDs require, checked in Java so the test needs nothing but the
 * JVM. Types are checked by unmarshalling into the typed fabric8 model (a string where an integer
 * belongs fails there); {@link KubernetesModelsIT} checks both once more against the full OpenAPI
 * schema with the npm package kubernetes-models where Node.js is installed.
 */
final class RequiredFields {

    private RequiredFields() {}

    static void check(HasMetadata r) {
        String id = r.getKind() + "/" + r.getMetadata().getName();
        assertThat(r.getKind()).as(id + " kind").isNotBlank();
        switch (r) {
            case Deployment d -> {
                assertThat(d.getSpec().getSelector()).as(id + " spec.selector").isNotNull();
                Map<String, String> labels =
                        d.getSpec().getTemplate().getMetadata().getLabels();
                assertThat(labels)
                        .as(id + " template labels match the selector")
                        .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
                List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
                assertThat(containers).as(id + " containers").isNotEmpty();
                for (Container c : containers) {
                    assertThat(c.getName()).as(id + " container name").isNotBlank();
                    assertThat(c.getImage()).as(id + " container image").isNotBlank();
                    c.getPorts()
                            .forEach(p -> assertThat(p.getContainerPort())
                                    .as(id + " containerPort")
                                    .isPositive());
                    c.getEnv()
                            .forEach(e ->
                                    assertThat(e.getName()).as(id + " env name").isNotBlank());
                    c.getVolumeMounts()
                            .forEach(m -> assertThat(m.getMountPath())
                                    .as(id + " mountPath")
                                    .isNotBlank());
                }
                d.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getVolumes()
                        .forEach(v ->
                                assertThat(v.getName()).as(id + " volume name").isNotBlank());
            }
            case Service s ->
                s.getSpec()
                        .getPorts()
                        .forEach(p -> assertThat(p.getPort()).as(id + " port").isPositive());
            case HorizontalPodAutoscaler h -> {
                assertThat(h.getSpec().getScaleTargetRef().getKind())
                        .as(id + " scaleTargetRef.kind")
                        .isNotBlank();
                assertThat(h.getSpec().getScaleTargetRef().getName())
                        .as(id + " scaleTargetRef.name")
                        .isNotBlank();
                assertThat(h.getSpec().getMaxReplicas())
                        .as(id + " maxReplicas")
                        .isPositive()
                        .isGreaterThanOrEqualTo(h.getSpec().getMinReplicas());
                h.getSpec()
                        .getMetrics()
                        .forEach(m ->
                                assertThat(m.getType()).as(id + " metric type").isNotBlank());
            }
            case PodDisruptionBudget p -> {
                assertThat(p.getSpec().getSelector()).as(id + " selector").isNotNull();
                assertThat(p.getSpec().getMinAvailable() == null || p.getSpec().getMaxUnavailable() == null)
                        .as(id + " not both minAvailable and maxUnavailable")
                        .isTrue();
            }
            case NetworkPolicy n ->
                assertThat(n.getSpec().getPodSelector()).as(id + " podSelector").isNotNull();
            case Ingress i ->
                i.getSpec()
                        .getRules()
                        .forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                            assertThat(path.getPathType()).as(id + " pathType").isNotBlank();
                            assertThat(path.getBackend().getService().getName())
                                    .as(id + " backend service")
                                    .isNotBlank();
                        }));
            case ConfigMap c -> assertThat(c.getData()).as(id + " data").isNotNull();
            case ServiceAccount a -> assertThat(a.getMetadata().getName()).isNotBlank();
            case GenericKubernetesResource g -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> spec =
                        (Map<String, Object>) g.getAdditionalProperties().get("spec");
                assertThat(spec).as(id + " spec").isNotNull();
                switch (g.getKind()) {
                    case "Kafka" ->
                        assertThat(((Map<?, ?>) spec.get("kafka")).get("listeners"))
                                .as(id + " listeners")
                                .isNotNull();
                    case "KafkaNodePool" -> assertThat(spec).as(id).containsKeys("replicas", "roles", "storage");
                    case "KafkaTopic" -> assertThat(spec).as(id).containsKeys("topicName", "partitions", "replicas");
                    case "Cluster" -> assertThat(spec).as(id).containsKeys("instances", "storage");
                    case "PrometheusRule" -> assertThat(spec).as(id).containsKeys("groups");
                    case "ServiceMonitor" -> assertThat(spec).as(id).containsKeys("selector", "endpoints");
                    default -> throw new AssertionError("unexpected custom resource " + id);
                }
            }
            default -> throw new AssertionError("a kind the chart is not meant to render: " + id);
        }
    }
}
