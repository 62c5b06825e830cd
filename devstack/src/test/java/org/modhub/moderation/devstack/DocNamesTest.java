package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every README names only what exists: the classes, endpoints, mail templates, config keys and files
 * it puts in {@code code}. A rename that forgets the docs fails here, not in a newcomer's hands.
 */
class DocNamesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Names from outside the project that READMEs rightly cite. */
    private static final Set<String> EXTERNAL = Set.of(
            // Kubernetes and Helm
            "ConfigMap",
            "ConfigMaps",
            "Secret",
            "Secrets",
            "Deployment",
            "Service",
            "ServiceAccount",
            "Ingress",
            "NetworkPolicy",
            "PodDisruptionBudget",
            "HorizontalPodAutoscaler",
            "Kafka",
            "KafkaTopic",
            "KafkaNodePool",
            "Cluster",
            "Pod",
            "Job",
            "Role",
            "RoleBinding",
            "StatefulSet",
            "Chart",
            "ServiceMonitor",
            "PrometheusRule",
            // Java, Quarkus, Hibernate, SmallRye, Jakarta, Jackson, Kafka, mail
            "Clock",
            "Instant",
            "Duration",
            "UUID",
            "Uni",
            "Multi",
            "String",
            "Map",
            "List",
            "Optional",
            "ObjectMapper",
            "ReactiveMailer",
            "Mailer",
            "PanacheRepositoryBase",
            "IncomingKafkaRecordMetadata",
            "PanacheEntityBase",
            "WithTransaction",
            "WithSession",
            "ConfigMapping",
            "QuarkusTest",
            "QuarkusIntegrationTest",
            "WithTestResource",
            "QuarkusTestResource",
            "ServerExceptionMapper",
            "RolesAllowed",
            "JdbcTypeCode",
            "SqlTypes",
            "FormatMapper",
            "FuzzTest",
            "Scheduled",
            "GreenMail",
            "Gatling",
            "Jazzer",
            "OpenAPI",
            "AsyncAPI",
            "CloudEvents",
            "KRaft",
            "PostgreSQL",
            "GraalVM",
            "Mandrel",
            "JUnit",
            "Selenium",
            "ChromeDriver",
            "Testcontainers",
            "RestAssured",
            "WireMock",
            "SIGKILL",
            "SIGTERM",
            "ProblemDetail");

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern FENCE = Pattern.compile("(?s)```.*?```");
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+");
    private static final Pattern DECLARED =
            Pattern.compile("\\b(?:class|record|enum|interface|@interface)\\s+([A-Z]\\w*)");
    private static final Pattern PATH_ANNOTATION = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern CONFIG_KEY =
            Pattern.compile("(kit|reporting|review|dmca|appeals|notification)\\.[a-z0-9.-]+");

    @Test
    void everyNameAReadmeCitesExists() throws IOException {
        Set<String> types = new HashSet<>();
        Set<String> pathSegments = new HashSet<>();
        Set<String> methods = new HashSet<>();
        StringBuilder configText = new StringBuilder();
        for (Path source : files(".java")) {
            String text = Files.readString(source);
            Matcher declared = DECLARED.matcher(text);
            while (declared.find()) {
                types.add(declared.group(1));
            }
            Matcher path = PATH_ANNOTATION.matcher(text);
            while (path.find()) {
                for (String segment : path.group(1).split("/")) {
                    pathSegments.add(segment);
                }
            }
            Matcher method = Pattern.compile("\\b([a-z]\\w*)\\(").matcher(text);
            while (method.find()) {
                methods.add(method.group(1));
            }
        }
        // The chart's alerts are names a README may cite like a type (`EventsDeadLettered`).
        for (Path rules : files("alerts.yaml")) {
            Matcher alert = Pattern.compile("(?m)^\\s+- alert: (\\w+)$").matcher(Files.readString(rules));
            while (alert.find()) {
                types.add(alert.group(1));
            }
        }
        for (String ending : List.of(".properties", ".yaml", ".yml", ".tpl")) {
            for (Path file : files(ending)) {
                configText.append(Files.readString(file)).append('\n');
            }
        }
        StringBuilder javaText = new StringBuilder();
        for (Path source : files(".java")) {
            javaText.append(Files.readString(source)).append('\n');
        }
        configText.append(javaText);
        Set<String> templates = new HashSet<>();
        Matcher id = Pattern.compile("\\(\"([a-z]+(?:-[a-z]+)+)\"")
                .matcher(
                        Files.readString(
                                ROOT.resolve(
                                        "contracts/src/main/java/org/modhub/moderation/contracts/event/notification/MailTemplateId.java")));
        while (id.find()) {
            templates.add(id.group(1));
        }

        List<String> stale = new ArrayList<>();
        for (Path readme : readmes()) {
            String text = FENCE.matcher(Files.readString(readme)).replaceAll("");
            Matcher span = CODE_SPAN.matcher(text);
            while (span.find()) {
                String token = span.group(1).strip();
                String problem =
                        problem(token, readme.getParent(), types, pathSegments, methods, configText, templates);
                if (problem != null) {
                    stale.add(ROOT.relativize(readme) + ": `" + token + "` " + problem);
                }
            }
        }
        assertThat(stale).as("names in READMEs that do not exist").isEmpty();
    }

    private static String problem(
            String token,
            Path dir,
            Set<String> types,
            Set<String> pathSegments,
            Set<String> methods,
            CharSequence configText,
            Set<String> templates) {
        if (token.contains(" ") || token.contains("$") || token.contains("*") || token.contains("<")) {
            return null; // a command, a pattern or a placeholder
        }
        if (token.startsWith("/api/")) {
            for (String segment : token.replaceFirst("\\?.*$", "").split("/")) {
                if (!segment.isEmpty()
                        && !segment.startsWith("{")
                        && !pathSegments.contains(segment)
                        && !segment.equals("api")
                        && !segment.equals("v1")) {
                    return "is not an endpoint (no @Path has '" + segment + "')";
                }
            }
            return null;
        }
        Matcher typeName = TYPE_NAME.matcher(token);
        if (typeName.lookingAt() && token.matches("[A-Z][\\w.#()]*")) {
            String type = typeName.group();
            if (!types.contains(type) && !EXTERNAL.contains(type) && !jdk(type)) {
                return "is not a type of this project";
            }
            String member =
                    token.substring(type.length()).replaceFirst("^[.#]", "").replace("()", "");
            if (!member.isEmpty() && member.matches("[a-z]\\w*") && !methods.contains(member)) {
                return "names a method that does not exist";
            }
            return null;
        }
        if (CONFIG_KEY.matcher(token).matches()
                && !token.endsWith(".events")
                && !token.endsWith(".dlq")
                && !token.endsWith(".requests")
                && !token.endsWith(".inbound")
                && !token.contains("-service")) {
            String last = token.substring(token.lastIndexOf('.') + 1);
            if (configText.toString().contains(token) || methods.contains(camel(last))) {
                return null;
            }
            return "is not a config key (no properties entry, no config method " + camel(last) + "())";
        }
        if (token.matches("[a-z]+(-[a-z]+)+")) {
            if (templates.contains(token)
                    || methods.contains(camel(token))
                    || configText.toString().contains(token)) {
                return null;
            }
            return token.matches(
                            ".*(receipt|outcome|decision|request|warning|suspension|reinstated|notice|received|decided|"
                                    + "refused|needed|restored|reversed).*")
                    ? "is not a mail template"
                    : null;
        }
        if (token.contains("/")
                && !token.startsWith(".")
                && !token.startsWith("/")
                && !token.startsWith("target/")
                && token.matches("[\\w./-]+")
                && !token.endsWith("/")) {
            // A path is checked where its first folder is one of ours (the README's own folder or the project's).
            String path = token.replaceFirst("#.*$", "");
            String first = path.substring(0, path.indexOf('/'));
            Path base = Files.exists(dir.resolve(first)) ? dir : Files.exists(ROOT.resolve(first)) ? ROOT : null;
            if (base == null || Files.exists(base.resolve(path))) {
                return null;
            }
            return "is not a file of this project";
        }
        return null;
    }

    private static boolean jdk(String type) {
        for (String pkg : List.of("java.lang.", "java.util.", "java.time.", "java.io.", "java.net.")) {
            try {
                Class.forName(pkg + type);
                return true;
            } catch (ClassNotFoundException e) {
                // not in this package
            }
        }
        return false;
    }

    private static String camel(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static List<Path> readmes() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT, 2)) {
            return walk.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(DocNamesTest::ours)
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> files(String ending) throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(ending))
                    .filter(DocNamesTest::ours)
                    .filter(Files::isRegularFile)
                    .toList();
        }
    }

    private static boolean ours(Path path) {
        String relative = ROOT.relativize(path).toString();
        return !relative.contains("target/") && !relative.startsWith(".") && !relative.contains("node_modules");
    }

    static {
        if (!Files.exists(ROOT.resolve("service-kit"))) {
            throw new UncheckedIOException(new IOException("run from a module directory of the project: " + ROOT));
        }
    }
}
