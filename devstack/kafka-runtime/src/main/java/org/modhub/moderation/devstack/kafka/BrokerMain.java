package org.modhub.moderation.devstack.kafka;

import java.io.IOException;
import java.io.InputStream;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Entry point of the broker JVM that devstack starts: formats the storage if needed, then runs
 * {@code kafka.Kafka}. Both steps run in one JVM because a second JVM start costs seconds on a
 * small machine.
 * <p>
 * The parent keeps this process's stdin open and never writes to it. When stdin reaches EOF the
 * parent is gone (or wants us gone), so the broker shuts down: a broker never outlives the JVM
 * that started it, even when that JVM was killed with SIGKILL.
 * <p>
 * Arguments: {@code <server.properties> <cluster-id>}.
 */
public final class BrokerMain {

    private BrokerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BrokerMain <server.properties> <cluster-id>");
            System.exit(2);
        }
        watchParent(System.in);
        String config = args[0];
        String clusterId = args[1];
        // --ignore-formatted: the same log directory is reused across restarts.
        int rc = StorageTool.execute(
                new String[] {"format", "--ignore-formatted", "-t", clusterId, "-c", config}, System.out);
        if (rc != 0) {
            System.err.println("kafka storage format failed with exit code " + rc);
            System.exit(rc);
        }
        Kafka.main(new String[] {config});
    }

    private static void watchParent(InputStream stdin) {
        Thread watcher = new Thread(
                () -> {
                    try {
                        byte[] buffer = new byte[256];
                        while (stdin.read(buffer) != -1) {
                            // The parent never writes; anything read is ignored.
                        }
                    } catch (IOException ignored) {
                        // A broken pipe means the same as EOF.
                    }
                    System.err.println("devstack: parent process went away, shutting the broker down");
                    // System.exit runs Kafka's shutdown hook, which stops the broker cleanly.
                    System.exit(0);
                },
                "devstack-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
