package org.modhub.moderation.devstack.launcher;

import java.nio.file.Path;

/** Test access to package-private launcher code. */
public final class RepoLayoutAccess {

    private RepoLayoutAccess() {}

    public static RepoLayout locateFrom(Path start) {
        return RepoLayout.locateFrom(start);
    }
}
