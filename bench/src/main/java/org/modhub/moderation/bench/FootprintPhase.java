package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.Log.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.modhub.moderation.devstack.DevStackDefaults;
import org.modhub.moderation.devstack.DevStackEnv;
import org.modhub.moderation.devstack.launcher.LocalSuite;

/** 5. Footprint: each service's cold start and idle memory first, its stop, restarts and the JDK's AOT cache at the end. */
final class FootprintPhase {

    private final Settings settings;
    private final Stack stack;
    private final Path work;
    private final Results r;

    FootprintPhase(Settings settings, Stack stack, Path work, Results r) {
        this.settings = settings;
        this.stack = stack;
        this.work = work;
        this.r = r;
    }

    void start() {
        stack.phase("start");
        for (String service : DevStackDefaults.SERVICES) {
            Stack.Start start = stack.startService(service);
            r.coldStarts.add(start);
            log(
                    "  %s ready in %.0f ms (Quarkus: started in %.0f ms)",
                    service, start.readyMillis(), start.quarkusMillis());
        }
        // The baseline (issue 27): a plain JVM with the same options, its start, then idle beside the services.
        Stack.Start plain = stack.startPlainJvm();
        r.plainStarts.add(plain);
        log("  plain JVM (baseline) answered in %.0f ms", plain.readyMillis());
        stack.phase("idle");
        log("Idle for %d s...", settings.idleSeconds());
        Stack.sleep(settings.idleSeconds() * 1000L);
        for (String service : DevStackDefaults.SERVICES) {
            r.idleRss.put(service, stack.rssMiB(service));
        }
        r.plainFirstIdleRss = stack.rssMiB(Stack.PLAIN_JVM);
        stack.stopService(Stack.PLAIN_JVM);
        log("  idle RSS %s; plain JVM %.0f MiB", r.idleRss, r.plainFirstIdleRss);
    }

    void restart() {
        stack.phase("restart");
        log("Restarting each service (schema migrated, caches cold)...");
        plainJvm();
        for (String service : DevStackDefaults.SERVICES) {
            Stack.Stop stop = stack.stopService(service);
            r.stops.add(stop);
            log("  %s stopped in %.0f ms%s", service, stop.millis(), stop.exited() ? "" : " (killed)");
            Stack.Start start = stack.startService(service);
            r.warmStarts.add(start);
            log(
                    "  %s ready in %.0f ms (Quarkus: started in %.0f ms)",
                    service, start.readyMillis(), start.quarkusMillis());
        }
        Stack.sleep(settings.idleSeconds() * 1000L);
        for (String service : DevStackDefaults.SERVICES) {
            r.idleRssAfterRestart.put(service, stack.rssMiB(service));
        }
        withAotCache();
        log("Restarting each service with the launcher's options again, for the intake runs...");
        for (String service : DevStackDefaults.SERVICES) {
            stack.stopService(service);
            stack.startService(service);
        }
    }

    /** The baseline of a start (issue 27): a plain JVM with the services' options, spawn to its first answer. */
    private void plainJvm() {
        Stack.Start start = stack.startPlainJvm();
        stack.stopService(Stack.PLAIN_JVM);
        r.plainStarts.add(start);
        log("  plain JVM (baseline) answered in %.0f ms", start.readyMillis());
    }

    /**
     * What the JDK's AOT cache alone changes (JDK 25, JEP 483 and 515: classes loaded and linked,
     * and method profiles, kept from a training run): the same options, first training, each
     * service writing its cache when it stops, then started from that cache.
     */
    private void withAotCache() {
        Path aot = work.resolve("aot");
        try {
            Files.createDirectories(aot);
            try (var old = Files.list(aot)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String cache = aot.resolve("{service}.aot").toString();
        String training = settings.aotJavaOpts() + " -XX:AOTCacheOutput=" + cache;
        String cached = settings.aotJavaOpts() + " -XX:AOTCache=" + cache;
        for (int round = 1; round <= 2; round++) {
            String options = round == 1 ? training : cached;
            log("Restarting each service with %s (round %d)...", options, round);
            for (String service : DevStackDefaults.SERVICES) {
                // A training run assembles its cache as it exits, which takes some seconds.
                stack.stopService(service, Duration.ofSeconds(round == 2 ? 120 : 30));
                if (round == 2 && !Files.isRegularFile(aot.resolve(service + ".aot"))) {
                    log("  no AOT cache was written for %s", service);
                }
                // A service's own options (matching's heap) after the common ones, as the launcher adds them.
                String extra = System.getenv()
                        .getOrDefault(
                                DevStackEnv.serviceJavaOpts(service),
                                LocalSuite.DEFAULT_SERVICE_EXTRA_JAVA_OPTS.getOrDefault(service, ""));
                Stack.Start start = stack.startService(service, (options + " " + extra).trim());
                (round == 1 ? r.aotTrainingStarts : r.aotStarts).add(start);
                log(
                        "  %s ready in %.0f ms (Quarkus: started in %.0f ms)",
                        service, start.readyMillis(), start.quarkusMillis());
            }
        }
        Stack.sleep(settings.idleSeconds() * 1000L);
        for (String service : DevStackDefaults.SERVICES) {
            r.aotIdleRss.put(service, stack.rssMiB(service));
        }
        log("  idle RSS (AOT cache) %s", r.aotIdleRss);
    }
}
