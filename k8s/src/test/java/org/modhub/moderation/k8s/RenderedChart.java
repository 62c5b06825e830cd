package org.modhub.moderation.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The umbrella chart rendered by Helm itself, as typed Kubernetes objects. */
final class RenderedChart {

    static final List<String> SERVICES = List.of(
            "reporting-service",
            "review-service",
            "dmca-service",
            "appeals-service",
            "notification-service",
            "matching-service");

    /** The staff console, installed beside the services (console.enabled, on by default). */
    static final String CONSOLE = "console";

    /** Every Deployment of a default install: the six services and the console. */
    static final List<String> WORKLOADS =
            Stream.concat(SERVICES.stream(), Stream.of(CONSOLE)).toList();

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    final String text;
    final List<HasMetadata> resources;

    private RenderedChart(String text, List<HasMetadata> resources) {
        this.text = text;
        this.resources = resources;
    }

    static Path chart() {
        return Path.of(Objects.requireNonNull(System.getProperty("suite.chart"), "suite.chart"));
    }

    static Path root() {
        return Path.of(Objects.requireNonNull(System.getProperty("suite.root"), "suite.root"))
                .normalize();
    }

    /** helm template moderation &lt;chart&gt; [-f values] [--set key=value ...] */
    static RenderedChart render(Path valuesFile, Map<String, String> set) {
        TemplateCommand template =
                new Helm(chart()).template().withName("moderation").withNamespace("moderation");
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, String> e : set.entrySet()) {
            template = template.set(e.getKey(), e.getValue());
        }
        String text = template.call();
        List<HasMetadata> resources = new ArrayList<>();
        for (String doc : DOCUMENT_SEPARATOR.split(text)) {
            String body = doc.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
            if (body.isBlank()) {
                continue;
            }
            resources.add(SERIALIZATION.unmarshal(doc, HasMetadata.class));
        }
        return new RenderedChart(text, resources);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> kind.equals(r.getKind()))
                .toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream()
                .filter(r -> name.equals(r.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    /**
     * Every field the typed model does not know (fabric8 keeps them in additionalProperties):
     * a misspelt or misplaced field, which the API server would reject or silently drop.
     */
    static List<String> unknownFields(Object object) {
        List<String> found = new ArrayList<>();
        walk(object, "", found);
        return found;
    }

    private static void walk(Object o, String path, List<String> found) {
        if (o == null || o instanceof GenericKubernetesResource) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, found));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method method : o.getClass().getMethods()) {
            if (method.getParameterCount() != 0
                    || !method.getName().startsWith("get")
                    || method.getDeclaringClass() == Object.class
                    || method.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add((path.isEmpty() ? "." : path) + " " + extra.keySet());
                }
                continue;
            }
            String property = Character.toLowerCase(method.getName().charAt(3))
                    + method.getName().substring(4);
            walk(value, path + "." + property, found);
        }
    }
}
