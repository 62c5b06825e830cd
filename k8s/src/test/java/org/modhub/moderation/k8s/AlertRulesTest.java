package org.modhub.moderation.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The chart's alert rules and dashboard queries, checked by Prometheus's own promtool (Debian's prometheus package, which bin/test
 * installs where missing): the file parses, each alert fires and stays quiet on the synthetic series of
 * {@code src/test/promtool/alerts_test.yaml}, and each alert's runbook link lands on a section of k8s/RUNBOOK.md.
 */
class AlertRulesTest {

    static final Path RULES = RenderedChart.root().resolve("k8s/chart/moderation-suite/files/alerts.yaml");
    private static final Path RULE_TESTS = RenderedChart.root().resolve("k8s/src/test/promtool/alerts_test.yaml");
    private static final Path DASHBOARDS = RenderedChart.root().resolve("k8s/chart/moderation-suite/files/dashboards");
    private static final Path RUNBOOK = RenderedChart.root().resolve("k8s/RUNBOOK.md");
    private static final Pattern ALERT = Pattern.compile("(?m)^\\s+- alert: (\\w+)$");
    private static final Pattern RUNBOOK_URL = Pattern.compile("(?m)^\\s+runbook_url: \\S+/k8s/RUNBOOK\\.md#(\\S+)$");

    @Test
    void promtoolAcceptsTheRuleFile() throws Exception {
        Result check = promtool("check", "rules", RULES.toString());
        assertThat(check.exit).as(check.output).isZero();
        assertThat(check.output).contains("SUCCESS: " + alerts().size() + " rules found");
    }

    @Test
    void everyAlertFiresAndStaysQuietWhereItShould() throws Exception {
        Result test = promtool("test", "rules", RULE_TESTS.toString());
        assertThat(test.exit).as(test.output).isZero();
        assertThat(test.output).contains("SUCCESS");
        String tests = Files.readString(RULE_TESTS);
        for (String alert : alerts()) {
            assertThat(tests).as("a promtool test of " + alert).contains("alertname: " + alert + "\n");
        }
    }

    @Test
    void everyAlertLinksToItsOwnRunbookSection() throws IOException {
        String rules = Files.readString(RULES);
        List<String> alerts = alerts();
        List<String> anchors = new ArrayList<>();
        Matcher m = RUNBOOK_URL.matcher(rules);
        while (m.find()) {
            anchors.add(m.group(1));
        }
        assertThat(anchors).as("one runbook_url per alert").hasSameSizeAs(alerts);
        Set<String> sections = Files.readString(RUNBOOK)
                .lines()
                .filter(l -> l.startsWith("## "))
                .map(l -> l.substring(3).trim().toLowerCase())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(sections).containsAll(anchors);
        for (int i = 0; i < alerts.size(); i++) {
            // Its own section, or its family's (CasesOverdueBacklog is told under CasesOverdue).
            assertThat(alerts.get(i).toLowerCase())
                    .as("runbook section of " + alerts.get(i))
                    .startsWith(anchors.get(i));
        }
    }

    @Test
    void everyDashboardQueryIsPromQlThatPromtoolAccepts() throws Exception {
        // Each panel query as a recording rule: promtool parses every expression of the file.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        ObjectMapper json = new ObjectMapper();
        int queries = 0;
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode panel : json.readTree(file.toFile()).path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        rules.append("      - record: dashboard:query_")
                                .append(++queries)
                                .append('\n');
                        rules.append("        expr: ")
                                .append(json.writeValueAsString(
                                        target.path("expr").asText()))
                                .append('\n');
                    }
                }
            }
        }
        assertThat(queries).isGreaterThan(20);
        Path file = Files.createTempFile("dashboard-queries", ".yaml");
        Files.writeString(file, rules);
        Result check = promtool("check", "rules", file.toString());
        assertThat(check.exit).as(check.output).isZero();
        assertThat(check.output).contains("SUCCESS: " + queries + " rules found");
    }

    static List<String> alerts() throws IOException {
        List<String> names = new ArrayList<>();
        Matcher m = ALERT.matcher(Files.readString(RULES));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private record Result(int exit, String output) {}

    private static Result promtool(String... args) throws Exception {
        String binary = System.getenv().getOrDefault("PROMTOOL", "promtool");
        List<String> command = new ArrayList<>(List.of(binary));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(
                    "promtool not found: bin/test installs Debian's prometheus package (apt-get install prometheus)",
                    e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("promtool finished")
                .isTrue();
        return new Result(process.exitValue(), output);
    }
}
