package org.modhub.moderation.devstack.internal;

/** Runs an action ({@code start}, {@code stop}, …) on a component of a stack owned elsewhere. */
@FunctionalInterface
public interface RemoteControl {

    void invoke(String component, String action);
}
