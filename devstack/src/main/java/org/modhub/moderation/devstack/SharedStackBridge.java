package org.modhub.moderation.devstack;

import java.util.Map;

/**
 * Not API. The entry points through which copies of {@link DevStack} in other class loaders
 * (Quarkus test class loaders) reach the JVM's single stack, owned by the copy in the system
 * class loader. Only JDK types cross the boundary.
 */
public final class SharedStackBridge {

    private SharedStackBridge() {}

    /** Starts the shared stack if needed; returns what it takes to attach to it. */
    public static Map<String, String> coordinates() {
        return DevStack.shared().coordinates();
    }

    /** Runs {@code action} on a component ({@code postgres}, {@code kafka}, {@code mail}, {@code hub}, {@code identity}) of the shared stack. */
    public static String control(String component, String action) {
        return DevStack.shared().control(component, action);
    }
}
