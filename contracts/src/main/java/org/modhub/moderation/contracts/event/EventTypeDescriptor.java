package org.modhub.moderation.contracts.event;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One registered event type.
 *
 * @param type the versioned CloudEvents type name, {@code org.modhub.moderation.<service>.<Name>.v<N>}
 * @param payloadClass the record its {@code data} decodes to
 * @param topic the Kafka topic it is published on
 * @param summary one line on what happened, for the AsyncAPI document
 */
public record EventTypeDescriptor(
        String type, Class<? extends EventPayload> payloadClass, String topic, String summary) {

    /** {@code org.modhub.moderation.<service>.<Name>.v<N>}: service lower case, Name upper camel case, N from 1. */
    public static final Pattern TYPE_NAME =
            Pattern.compile("org\\.modhub\\.moderation\\.([a-z]+)\\.([A-Z][A-Za-z0-9]*)\\.v([1-9][0-9]*)");

    /** Prefix of the schema URIs ({@code dataschema} and the schemas' {@code $id}). */
    public static final String SCHEMA_URI_PREFIX = "urn:modhub:moderation:schema:";

    public EventTypeDescriptor {
        if (type == null || !TYPE_NAME.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "event type '" + type + "' does not follow org.modhub.moderation.<service>.<Name>.v<N>");
        }
        if (payloadClass == null || !payloadClass.isRecord()) {
            throw new IllegalArgumentException(type + ": payload class must be a record");
        }
        // v1 is ReportFiled; a later version lives beside it as ReportFiledV2.
        String simpleName = payloadClass.getSimpleName();
        String versionSuffix = "V" + matcher(type).group(3);
        if (!simpleName.equals(nameOf(type)) && !simpleName.equals(nameOf(type) + versionSuffix)) {
            throw new IllegalArgumentException(type + ": payload class " + simpleName + " must be named " + nameOf(type)
                    + " or " + nameOf(type) + versionSuffix);
        }
        if (topic == null || !topic.startsWith(serviceOf(type) + ".")) {
            throw new IllegalArgumentException(
                    type + ": its service segment must be the first part of its topic, not " + topic);
        }
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException(type + ": summary is required");
        }
    }

    /** The service (topic owner) segment, e.g. {@code reporting}. */
    public String service() {
        return serviceOf(type);
    }

    /** The unversioned name, e.g. {@code ReportFiled}. */
    public String name() {
        return nameOf(type);
    }

    /** The version number N of {@code .vN}. */
    public int version() {
        return Integer.parseInt(matcher(type).group(3));
    }

    /** The CloudEvents {@code dataschema} of this type, also the {@code $id} of its JSON Schema. */
    public String schemaUri() {
        return SCHEMA_URI_PREFIX + type;
    }

    /** Classpath location of its JSON Schema (draft 2020-12). */
    public String schemaResource() {
        return "contracts/schemas/" + type + ".json";
    }

    private static String serviceOf(String type) {
        return matcher(type).group(1);
    }

    private static String nameOf(String type) {
        return matcher(type).group(2);
    }

    private static Matcher matcher(String type) {
        Matcher matcher = TYPE_NAME.matcher(type);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an event type name: " + type);
        }
        return matcher;
    }
}
