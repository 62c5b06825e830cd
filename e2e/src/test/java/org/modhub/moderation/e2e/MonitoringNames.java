package org.modhub.moderation.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.modhub.moderation.devstack.launcher.RepoLayout;

/** The series the chart's alert rules and Grafana dashboards read: each must be one a service really exports. */
final class MonitoringNames {

    private static final Pattern SERIES =
            Pattern.compile("\\b((?:kit|notification|review|matching|http_server_requests)_[a-z0-9_]+)\\b");

    private MonitoringNames() {}

    static Set<String> used() {
        Path chart = RepoLayout.locate().root().resolve("k8s/chart/moderation-suite/files");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> dashboards = Files.list(chart.resolve("dashboards"))) {
            for (Path file : Stream.concat(Stream.of(chart.resolve("alerts.yaml")), dashboards)
                    .toList()) {
                Matcher m = SERIES.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
