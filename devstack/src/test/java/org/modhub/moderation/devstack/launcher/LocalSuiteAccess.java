package org.modhub.moderation.devstack.launcher;

import java.io.PrintStream;

import org.modhub.moderation.devstack.DevStack;

/** Test access to the launcher's printout for a stack it did not start. */
public final class LocalSuiteAccess {

    private LocalSuiteAccess() {}

    public static void printInfrastructure(PrintStream out, DevStack stack) {
        LocalSuite.printInfrastructure(out, stack, null);
    }
}
