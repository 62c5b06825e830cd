package org.modhub.moderation.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The committed JSON Schemas are exactly what the payload records generate. Run with
 * {@code -Dcontracts.regenerate=true} to rewrite them from the records instead (then review the
 * diff: a removed or retyped field is a breaking change and needs a new {@code .vN} type).
 */
class SchemaInStepTest {

    static final String REGENERATE_PROPERTY = "contracts.regenerate";
    static final String HOW_TO_REGENERATE = "./mvnw -pl contracts test -D" + REGENERATE_PROPERTY + "=true";

    private final PayloadSchemas schemas = new PayloadSchemas();

    static Path schemaDir() {
        return moduleDir().resolve("src/main/resources/contracts/schemas");
    }

    static Path moduleDir() {
        // Surefire runs in the module directory and also passes it as "basedir".
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    static boolean regenerate() {
        return Boolean.getBoolean(REGENERATE_PROPERTY);
    }

    @TestFactory
    Stream<DynamicTest> committedSchemaMatchesTheRecord() {
        return EventTypes.all().stream()
                .map(descriptor -> DynamicTest.dynamicTest(descriptor.type(), () -> {
                    Path file = schemaDir().resolve(descriptor.type() + ".json");
                    String generated = schemas.render(descriptor);
                    if (regenerate()) {
                        Files.createDirectories(file.getParent());
                        Files.writeString(file, generated, StandardCharsets.UTF_8);
                        return;
                    }
                    if (!Files.exists(file)) {
                        fail("No JSON Schema committed for " + descriptor.type() + " at "
                                + moduleDir().relativize(file) + "; generate it with: " + HOW_TO_REGENERATE);
                    }
                    String committed =
                            Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
                    if (!committed.equals(generated)) {
                        fail("JSON Schema of " + descriptor.type() + " ("
                                + descriptor.payloadClass().getName()
                                + ") drifted from " + moduleDir().relativize(file)
                                + ". If the record change is intended, "
                                + "regenerate with: " + HOW_TO_REGENERATE
                                + " and review the diff (removing or retyping a "
                                + "field is a breaking change: add a new .vN type instead).");
                    }
                }));
    }

    @Test
    void noSchemaIsLeftForAnUnregisteredType() throws IOException {
        Set<String> expected =
                EventTypes.all().stream().map(d -> d.type() + ".json").collect(Collectors.toSet());
        List<Path> stale;
        try (Stream<Path> files = Files.list(schemaDir())) {
            stale = files.filter(f -> !expected.contains(f.getFileName().toString()))
                    .toList();
        }
        if (regenerate()) {
            for (Path file : stale) {
                Files.delete(file);
            }
            return;
        }
        assertThat(stale)
                .as("schemas of unregistered types; delete them or run " + HOW_TO_REGENERATE)
                .isEmpty();
    }

    @Test
    void schemasAreOnTheClasspathWhereDescriptorsSayTheyAre() {
        // A regenerating run writes the sources after resources were copied; the next build checks.
        assumeFalse(regenerate());
        for (EventTypeDescriptor descriptor : EventTypes.all()) {
            assertThat(getClass().getClassLoader().getResource(descriptor.schemaResource()))
                    .as(descriptor.schemaResource())
                    .isNotNull();
        }
    }

    @Test
    void requiredFieldsInTheSchemaAreTheNonNullableComponents() {
        for (EventTypeDescriptor descriptor : EventTypes.all()) {
            ObjectNode schema = schemas.schemaOf(descriptor);
            Set<String> required = Stream.of(descriptor.payloadClass().getRecordComponents())
                    .filter(c -> !c.isAnnotationPresent(Nullable.class))
                    .map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            Set<String> inSchema = StreamSupport.stream(schema.get("required").spliterator(), false)
                    .map(JsonNode::asText)
                    .collect(Collectors.toSet());
            assertThat(inSchema).as(descriptor.type()).isEqualTo(required);
            assertThat(schema.get("$id").asText()).isEqualTo(descriptor.schemaUri());
        }
    }
}
