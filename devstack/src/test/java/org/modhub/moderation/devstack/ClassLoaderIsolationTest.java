package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;

/**
 * Quarkus loads test classes (and restarts applications) in class loaders of their own, each
 * with its own copy of DevStack. They must all share the stack of the system class loader.
 */
class ClassLoaderIsolationTest {

    @Test
    void aCopyOfDevStackInAnotherClassLoaderAttachesToTheSameStack() throws Exception {
        DevStack owner = DevStack.shared();
        try (URLClassLoader isolated = new URLClassLoader(testClassPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> copy = Class.forName(DevStack.class.getName(), true, isolated);
            assertThat(copy).isNotSameAs(DevStack.class);

            Object attached = copy.getMethod("shared").invoke(null);
            @SuppressWarnings("unchecked")
            Map<String, String> config =
                    (Map<String, String>) copy.getMethod("config", String.class).invoke(attached, "notification");

            assertThat(config)
                    .containsEntry("kafka.bootstrap.servers", owner.kafka().bootstrapServers())
                    .containsEntry(
                            "quarkus.datasource.reactive.url", owner.postgres().reactiveUrl("notification"))
                    .containsEntry("mp.jwt.verify.publickey", owner.jwtKeys().publicKeyPem());
            Object kafka = copy.getMethod("kafka").invoke(attached);
            assertThat(kafka.getClass().getMethod("isEmbedded").invoke(kafka)).isEqualTo(false);
            assertThat(kafka.getClass().getMethod("isControllable").invoke(kafka))
                    .isEqualTo(owner.kafka().isControllable());
            // Control goes through to the owner: a stopped mail server is stopped for both views.
            Object mail = copy.getMethod("mail").invoke(attached);
            if (owner.mail().isControllable()) {
                mail.getClass().getMethod("stop").invoke(mail);
                try {
                    assertThat(owner.mail().isRunning()).isFalse();
                    assertThat(mail.getClass().getMethod("isRunning").invoke(mail))
                            .isEqualTo(false);
                } finally {
                    mail.getClass().getMethod("start").invoke(mail);
                }
                assertThat(owner.mail().isRunning()).isTrue();
            }
            // Still one stack: the copy's shared() is stable too.
            assertThat(copy.getMethod("shared").invoke(null)).isSameAs(attached);
        }
    }

    @Test
    void theTestResourceInjectsTheCopyThatTheTestClassSees() throws Exception {
        try (URLClassLoader isolated = new URLClassLoader(testClassPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> testClass = Class.forName(
                    "org.modhub.moderation.devstack.test.DevStackResourceTest$SomeServiceTest", true, isolated);
            Constructor<?> constructor = testClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object testInstance = constructor.newInstance();
            Field devStackField = testClass.getDeclaredField("devStack");
            devStackField.setAccessible(true);
            DevStackResource resource = new DevStackResource();
            resource.init(Map.of(DevStackResource.SERVICE, "review"));

            resource.inject((TestInjector) (value, predicate) -> {
                for (Field field : testClass.getDeclaredFields()) {
                    if (predicate.test(field)) {
                        field.setAccessible(true);
                        try {
                            field.set(testInstance, value);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            });

            Object injected = devStackField.get(testInstance);
            assertThat(injected).isNotNull();
            assertThat(injected.getClass().getClassLoader()).isSameAs(isolated);
            assertThat(injected)
                    .isSameAs(Class.forName(DevStack.class.getName(), true, isolated)
                            .getMethod("shared")
                            .invoke(null));
        }
    }

    private static URL[] testClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
