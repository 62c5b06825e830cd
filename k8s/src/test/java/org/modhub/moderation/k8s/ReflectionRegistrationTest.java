package org.modhub.moderation.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/**
 * The quick, JVM-only half of {@link NativeSourcesIT}: service-kit's {@code EventPayloadReflection}
 * names every class Jackson reads from or writes to Kafka (the envelope, each payload in
 * {@code EventTypes}, and the records and enums they are made of), so a payload added to the
 * contracts without its registration fails every build, not only native ones.
 */
class ReflectionRegistrationTest {

    @Test
    void everySerialisedClassIsRegisteredForReflectionInTheKit() throws IOException {
        String source = Files.readString(RenderedChart.root()
                .resolve("service-kit/src/main/java/org/modhub/moderation/kit/config/EventPayloadReflection.java"));
        for (String className : NativeSourcesIT.serialisedClasses()) {
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            assertThat(source)
                    .as(className + " in EventPayloadReflection")
                    .contains("import " + className + ";")
                    .containsPattern("\\b" + simpleName + "\\.class\\b");
        }
        assertThat(NativeSourcesIT.serialisedClasses()).hasSizeGreaterThan(22);
    }
}
