package org.modhub.moderation.devstack.internal;

import java.util.function.Supplier;

/**
 * Runs code with a given thread context class loader. Kafka clients and Jakarta Mail load
 * classes by name through it; under Quarkus tests it is a Quarkus class loader holding other
 * copies of those libraries, which ends in ClassCastExceptions. Our code loads them through the
 * class loader of our own classes instead.
 */
public final class ContextClassLoader {

    private ContextClassLoader() {}

    public static <T> T with(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public static void run(ClassLoader loader, Runnable action) {
        with(loader, () -> {
            action.run();
            return null;
        });
    }
}
