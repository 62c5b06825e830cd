package org.modhub.moderation.contracts.event;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.contracts.subject.SubjectRef;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;

/**
 * Generates the JSON Schema (draft 2020-12) of a payload record, the way the committed files
 * under {@code src/main/resources/contracts/schemas} were made.
 */
final class PayloadSchemas {

    /** A subject key: the kind prefix, then the kind's grammar (see SubjectRef). */
    static final String SUBJECT_KEY_PATTERN =
            "^(model|dataset|space|file|discussion|pull_request|comment|post|account):.+$";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SchemaGenerator generator;

    PayloadSchemas() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT)
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        builder.forFields()
                .withNullableCheck(field -> field.getAnnotationConsideringFieldAndGetter(Nullable.class) != null)
                .withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(Nullable.class) == null);
        builder.forTypesInGeneral()
                .withStringFormatResolver(scope -> {
                    Class<?> type = scope.getType().getErasedType();
                    if (type == UUID.class) {
                        return "uuid";
                    }
                    if (type == Instant.class) {
                        return "date-time";
                    }
                    return null;
                })
                .withCustomDefinitionProvider((type, context) -> {
                    if (type.getErasedType() != SubjectRef.class) {
                        return null;
                    }
                    ObjectNode node = context.getGeneratorConfig()
                            .createObjectNode()
                            .put("type", "string")
                            .put("pattern", SUBJECT_KEY_PATTERN)
                            .put("maxLength", SubjectRef.MAX_KEY_LENGTH)
                            .put("description", "Subject key, e.g. model:acme/llama-7b (grammar: SubjectRef)");
                    return new CustomDefinition(
                            node, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.NO);
                });
        generator = new SchemaGenerator(builder.build());
    }

    /** The schema of a registered type, with {@code $schema}, {@code $id}, title and description. */
    ObjectNode schemaOf(EventTypeDescriptor descriptor) {
        ObjectNode generated = generator.generateSchema(descriptor.payloadClass());
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", descriptor.schemaUri());
        schema.put("title", descriptor.type());
        schema.put("description", descriptor.summary() + " Topic: " + descriptor.topic() + ".");
        schema.setAll(generated);
        return schema;
    }

    /** The schema as committed: two-space indented JSON with a final newline. */
    String render(EventTypeDescriptor descriptor) {
        try {
            return JSON.writeValueAsString(schemaOf(descriptor)).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
