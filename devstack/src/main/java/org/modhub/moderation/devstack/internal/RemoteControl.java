package org.modhub.moderation.devstack.internal;

/**
 * Runs an action ({@code start}, {@code stop}, …) on a component of a stack owned elsewhere;
 * queries ({@code running}) answer in the returned string.
 */
@FunctionalInterface
public interface RemoteControl {

    String invoke(String component, String action);
}
