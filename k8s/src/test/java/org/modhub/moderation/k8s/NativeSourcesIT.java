package org.modhub.moderation.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.EventTypeDescriptor;
import org.modhub.moderation.contracts.event.EventTypes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks the native-image inputs Quarkus writes with {@code -Dnative -Dquarkus.native.sources-only=true}
 * (no GraalVM needed): every class Jackson reads from or writes to Kafka is registered for
 * reflection in each service's image, and the build arguments are the intended ones. Runs in the
 * native profile only (CI: .github/workflows/native.yml).
 */
class NativeSourcesIT {

    @Test
    void eventPayloadsAreRegisteredForReflectionAndBuildArgumentsAreIntended() throws IOException {
        assumeTrue("true".equals(System.getProperty("suite.native")), "native profile only (-Dnative)");
        List<Path> built = new ArrayList<>();
        for (String service : RenderedChart.SERVICES) {
            Path sources = RenderedChart.root().resolve(service).resolve("target/native-sources");
            if (Files.isRegularFile(sources.resolve("native-image.args"))) {
                built.add(sources);
            }
        }
        assertThat(built)
                .as("every service built with -Dquarkus.native.sources-only=true")
                .hasSize(RenderedChart.SERVICES.size());
        Set<String> expected = serialisedClasses();
        for (Path sources : built) {
            String args = Files.readString(sources.resolve("native-image.args"));
            assertThat(args)
                    .as(sources + " build arguments")
                    .contains("-march=compatibility")
                    .contains("--no-fallback")
                    .doesNotContain("-H:+AllowIncompleteClasspath");
            Map<String, JsonNode> registered = reflectionConfig(sources);
            for (String className : expected) {
                JsonNode entry = registered.get(className);
                assertThat(entry)
                        .as(sources + ": " + className + " registered for reflection")
                        .isNotNull();
                assertThat(entry.path("allDeclaredConstructors").asBoolean()
                                && entry.path("allDeclaredMethods").asBoolean())
                        .as(sources + ": " + className + " constructors and accessors reachable for Jackson")
                        .isTrue();
            }
        }
    }

    /** The envelope, every registered payload, and every record or enum of ours they are made of. */
    static Set<String> serialisedClasses() {
        Set<String> classes = new LinkedHashSet<>();
        collect(EventEnvelope.class, classes);
        for (EventTypeDescriptor d : EventTypes.all()) {
            collect(d.payloadClass(), classes);
        }
        return classes;
    }

    private static void collect(Type type, Set<String> classes) {
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, classes);
            }
            return;
        }
        if (!(type instanceof Class<?> c) || !c.getName().startsWith("org.modhub.") || !classes.add(c.getName())) {
            return;
        }
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                collect(component.getGenericType(), classes);
            }
        }
    }

    /** The reflection configuration Quarkus wrote into the runner jar, by class name. */
    private static Map<String, JsonNode> reflectionConfig(Path sources) throws IOException {
        Map<String, JsonNode> byName = new HashMap<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith("-runner.jar"))
                    .toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    var entry = file.getJarEntry("META-INF/native-image/reflect-config.json");
                    assertThat(entry)
                            .as(jar + " has a reflection configuration")
                            .isNotNull();
                    for (JsonNode registration : new ObjectMapper().readTree(file.getInputStream(entry))) {
                        byName.put(registration.path("name").asText(), registration);
                    }
                }
            }
        }
        assertThat(byName).as(sources + " reflection registrations").isNotEmpty();
        return byName;
    }
}
