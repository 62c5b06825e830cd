package org.modhub.moderation.devstack.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.MailServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;

class DevStackResourceTest {

    /** What a service's test class looks like. */
    static class SomeServiceTest {
        @InjectDevStack
        DevStack devStack;

        @InjectDevStack
        MailServer mail;

        DevStack notAnnotated;
    }

    @Test
    void startReturnsTheServiceConfigurationWithDevServicesOff() {
        DevStackResource resource = new DevStackResource();
        resource.init(Map.of(DevStackResource.SERVICE, "appeals"));

        Map<String, String> config = resource.start();

        assertThat(config)
                .containsEntry("quarkus.devservices.enabled", "false")
                .containsEntry(
                        "quarkus.datasource.reactive.url",
                        DevStack.shared().postgres().reactiveUrl("appeals"))
                .containsEntry(
                        "kafka.bootstrap.servers", DevStack.shared().kafka().bootstrapServers());
        resource.stop();
        assertThat(DevStack.shared().kafka().isRunning())
                .as("the shared stack outlives one resource")
                .isTrue();
    }

    @Test
    void annotatedFieldsReceiveTheSharedStackAndItsParts() {
        DevStackResource resource = new DevStackResource();
        resource.init(Map.of(DevStackResource.SERVICE, "appeals"));
        SomeServiceTest testInstance = new SomeServiceTest();

        resource.inject(new ReflectiveInjector(testInstance));

        assertThat(testInstance.devStack).isSameAs(DevStack.shared());
        assertThat(testInstance.mail).isSameAs(DevStack.shared().mail());
        assertThat(testInstance.notAnnotated).isNull();
    }

    @Test
    void theServiceArgIsRequired() {
        assertThatThrownBy(() -> new DevStackResource().init(Map.of())).hasMessageContaining("\"service\"");
    }

    /** Behaves like Quarkus' injector: offers every field of the test instance to the predicate. */
    private record ReflectiveInjector(Object testInstance) implements TestInjector {
        @Override
        public void injectIntoFields(Object fieldValue, Predicate<Field> predicate) {
            for (Field field : testInstance.getClass().getDeclaredFields()) {
                if (predicate.test(field)) {
                    try {
                        field.setAccessible(true);
                        field.set(testInstance, fieldValue);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
