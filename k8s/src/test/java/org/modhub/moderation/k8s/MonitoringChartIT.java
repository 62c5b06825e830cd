package org.modhub.moderation.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modhub.moderation.k8s.RenderedChart.SERVICES;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;

/**
 * The chart's monitoring resources (monitoring.*): off by default; when enabled, the rule file as a
 * PrometheusRule with the operator's runbook base, a ServiceMonitor per service that selects its Service, and
 * one dashboard ConfigMap per concern for Grafana's sidecar.
 */
class MonitoringChartIT {

    private static final Map<String, String> ENABLED = Map.of(
            "monitoring.prometheusRule.enabled", "true",
            "monitoring.prometheusRule.labels.release", "kube-prometheus-stack",
            "monitoring.serviceMonitor.enabled", "true",
            "monitoring.serviceMonitor.interval", "15s",
            "monitoring.dashboards.enabled", "true",
            "monitoring.runbookBaseUrl", "https://wiki.example.com/moderation/runbook");

    @Test
    void nothingOfItIsRenderedByDefault() {
        RenderedChart chart = RenderedChart.render(null, Map.of());
        assertThat(chart.custom("PrometheusRule")).isEmpty();
        assertThat(chart.custom("ServiceMonitor")).isEmpty();
        assertThat(chart.all(ConfigMap.class))
                .noneMatch(cm -> cm.getMetadata().getLabels().containsKey("grafana_dashboard"));
    }

    @Test
    void thePrometheusRuleIsTheRuleFileWithTheOperatorsLabelsAndRunbook() throws IOException {
        RenderedChart chart = RenderedChart.render(null, ENABLED);
        List<GenericKubernetesResource> rules = chart.custom("PrometheusRule");
        assertThat(rules).hasSize(1);
        GenericKubernetesResource rule = rules.get(0);
        assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        List<String> alerts = new ArrayList<>();
        List<String> runbooks = new ArrayList<>();
        for (Object group : (List<?>) spec(rule).get("groups")) {
            for (Object r : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> alert = (Map<?, ?>) r;
                alerts.add((String) alert.get("alert"));
                runbooks.add((String) ((Map<?, ?>) alert.get("annotations")).get("runbook_url"));
                assertThat(((Map<?, ?>) alert.get("labels")).get("severity"))
                        .as(alert.get("alert") + " severity")
                        .isIn("critical", "warning");
            }
        }
        assertThat(alerts).containsExactlyElementsOf(AlertRulesTest.alerts());
        assertThat(runbooks).allMatch(u -> u.startsWith("https://wiki.example.com/moderation/runbook#"));
    }

    @Test
    void eachServiceHasAServiceMonitorThatSelectsItsServicesMetrics() {
        RenderedChart chart = RenderedChart.render(null, ENABLED);
        List<GenericKubernetesResource> monitors = chart.custom("ServiceMonitor");
        assertThat(monitors).extracting(m -> m.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (GenericKubernetesResource monitor : monitors) {
            String name = monitor.getMetadata().getName();
            Map<?, ?> spec = spec(monitor);
            Map<?, ?> matchLabels = (Map<?, ?>) ((Map<?, ?>) spec.get("selector")).get("matchLabels");
            Service service = chart.named(Service.class, name);
            assertThat(service.getMetadata().getLabels())
                    .as(name + " Service labels")
                    .containsAllEntriesOf(strings(matchLabels));
            assertThat(service.getSpec().getPorts())
                    .extracting(p -> p.getName())
                    .contains("http");
            Map<?, ?> endpoint = (Map<?, ?>) ((List<?>) spec.get("endpoints")).get(0);
            assertThat(endpoint.get("port")).isEqualTo("http");
            assertThat(endpoint.get("path")).isEqualTo("/q/metrics");
            assertThat(endpoint.get("interval")).isEqualTo("15s");
        }
    }

    @Test
    void oneDashboardPerConcernForGrafanasSidecar() throws IOException {
        RenderedChart chart = RenderedChart.render(null, ENABLED);
        List<ConfigMap> dashboards = chart.all(ConfigMap.class).stream()
                .filter(cm -> "1".equals(cm.getMetadata().getLabels().get("grafana_dashboard")))
                .toList();
        assertThat(dashboards)
                .extracting(cm -> cm.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "moderation-dashboard-intake-and-queue",
                        "moderation-dashboard-legal-clocks",
                        "moderation-dashboard-mail",
                        "moderation-dashboard-kafka-and-outbox");
        ObjectMapper json = new ObjectMapper();
        for (ConfigMap cm : dashboards) {
            assertThat(cm.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Moderation suite");
            assertThat(cm.getData()).hasSize(1);
            JsonNode dashboard = json.readTree(cm.getData().values().iterator().next());
            assertThat(dashboard.path("title").asText()).startsWith("Moderation suite: ");
            assertThat(dashboard.path("uid").asText()).isNotBlank();
            assertThat(dashboard.path("panels")).isNotEmpty();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(panel.path("targets"))
                        .as(panel.path("title").asText())
                        .isNotEmpty();
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            }
        }
    }

    private static Map<?, ?> spec(GenericKubernetesResource resource) {
        return (Map<?, ?>) resource.getAdditionalProperties().get("spec");
    }

    private static Map<String, String> strings(Map<?, ?> map) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }
}
