package org.modhub.moderation.devstack.test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.devstack.DevStack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service's Quarkus tests real PostgreSQL, Kafka and SMTP/IMAP, and the hub stand-in:
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(value = DevStackResource.class,
 *         initArgs = &#64;ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
 * class ReportResourceTest {
 *     &#64;InjectDevStack
 *     DevStack devStack;
 * }
 * </pre>
 *
 * Joins {@link DevStack#shared()} (starting it on first use) and returns
 * {@link DevStack#config(String)} for the service plus {@code quarkus.devservices.enabled=false}.
 * The stack outlives the application: it is shared by every test class in the JVM and stopped
 * when the JVM exits. With the {@code DEVSTACK_*} variables set, it starts nothing.
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg: the service name, which is also its database name. */
    public static final String SERVICE = "service";

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get(SERVICE);
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("DevStackResource needs the init arg \"" + SERVICE
                    + "\", e.g. @ResourceArg(name = \"service\", value = \"reporting\")");
        }
    }

    @Override
    public Map<String, String> start() {
        if (service == null) {
            throw new IllegalStateException("DevStackResource needs the init arg \"" + SERVICE + "\"");
        }
        Map<String, String> config = new LinkedHashMap<>(DevStack.shared().config(service));
        // Dev Services would try Docker, which is not there; everything real comes from the stack.
        config.put("quarkus.devservices.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        // Nothing: the shared stack serves every test class of this JVM and stops when it exits.
    }

    /** The shared stack, for tests that prefer a static accessor to {@link InjectDevStack}. */
    public static DevStack devStack() {
        return DevStack.shared();
    }

    @Override
    public void inject(TestInjector injector) {
        List<Field> fields = new ArrayList<>();
        injector.injectIntoFields(null, field -> {
            if (isAnnotated(field)) {
                fields.add(field);
            }
            return false;
        });
        for (Field field : fields) {
            Object value = valueFor(field);
            injector.injectIntoFields(value, field::equals);
        }
    }

    /** By name: the test class may see this annotation through another class loader. */
    private static boolean isAnnotated(Field field) {
        for (Annotation annotation : field.getAnnotations()) {
            if (annotation.annotationType().getName().equals(InjectDevStack.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The stack (or a part of it) as the field's class loader sees it: the test class may have
     * been loaded by a Quarkus class loader with its own copy of {@link DevStack}.
     */
    private static Object valueFor(Field field) {
        Class<?> type = field.getType();
        try {
            ClassLoader loader = type.getClassLoader() != null
                    ? type.getClassLoader()
                    : field.getDeclaringClass().getClassLoader();
            Class<?> devStackClass = Class.forName(DevStack.class.getName(), true, loader);
            Object stack = devStackClass.getMethod("shared").invoke(null);
            if (type.isAssignableFrom(devStackClass)) {
                return stack;
            }
            for (Method accessor : devStackClass.getMethods()) {
                if (accessor.getParameterCount() == 0
                        && !Modifier.isStatic(accessor.getModifiers())
                        && accessor.getReturnType() == type) {
                    return accessor.invoke(stack);
                }
            }
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("cannot inject the dev stack into " + field, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot inject the dev stack into " + field, e.getCause());
        }
        throw new IllegalArgumentException("@InjectDevStack cannot fill " + field
                + ": supported types are DevStack and "
                + Arrays.toString(new String[] {
                    "PostgresServer",
                    "KafkaServer",
                    "MailServer",
                    "HubStandIn",
                    "IdentityStandIn",
                    "JwtKeys",
                    "TokenMinter"
                }));
    }
}
