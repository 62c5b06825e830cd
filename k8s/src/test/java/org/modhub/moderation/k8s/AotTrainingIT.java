package org.modhub.moderation.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.internal.Ports;
import org.modhub.moderation.devstack.launcher.LocalSuite;
import org.modhub.moderation.devstack.launcher.ServiceProcess;

/**
 * The training step of the JVM image ({@code k8s/docker/Dockerfile.jvm}), run here with this JDK
 * (25+) instead of in an image build: {@code k8s/docker/aot-train.sh} against reporting-service's
 * packaged {@code target/quarkus-app}, with the image's JVM options, and no infrastructure. Then the
 * service starts with that cache against real PostgreSQL and Kafka (devstack) and must reach ready
 * with its classes taken from the cache, the JVM not rejecting it. The times to ready with and
 * without the cache are logged (information: this machine is shared, so no bound is asserted).
 *
 * <p>Skipped on a JDK older than 25 and when reporting-service is not packaged (the reactor packages
 * it before this module: the pom's build-order dependencies).
 */
class AotTrainingIT {

    private static final Path ROOT = RenderedChart.root();
    private static final Path APP = ROOT.resolve("reporting-service/target/quarkus-app");
    private static final Path SCRIPT = ROOT.resolve("k8s/docker/aot-train.sh");
    private static final Path WORK = Path.of("target/aot").toAbsolutePath();

    /** The JDK's own classes alone make a cache of about 15 MB; this service's, about 130 MB. */
    private static final long MIN_CACHE_BYTES = 48L * 1024 * 1024;

    /** What the JVM prints when it cannot use a cache ("[warning][aot] ... mismatch", "[error  ][aot]"). */
    private static final Pattern AOT_COMPLAINT =
            Pattern.compile("(?m)^.*\\[(warning|error)\\s*]\\[aot.*$|^.*Unable to (use|map).*$");

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aTrainingRunWithoutInfrastructureWritesACacheTheServiceThenStartsWith() throws Exception {
        assumeTrue(
                Runtime.version().feature() >= 25,
                "AotTrainingIT needs JDK 25 (-XX:AOTCacheOutput); this JVM is " + Runtime.version());
        assumeTrue(
                Files.isRegularFile(APP.resolve("quarkus-run.jar")),
                "AotTrainingIT skipped: reporting-service is not packaged (" + APP
                        + "); run ./mvnw package -DskipTests -pl reporting-service -am first");
        Files.createDirectories(WORK);
        Path cache = WORK.resolve("app.aot");
        Path trainingLog = WORK.resolve("training-service.log");
        List<String> imageOptions = imageJavaOptions();

        // 1. The training run, exactly as the image build runs it (the script, the image's options).
        Path scriptOutput = WORK.resolve("aot-train.out");
        ProcessBuilder training = new ProcessBuilder("bash", SCRIPT.toString(), APP.toString(), cache.toString())
                .redirectErrorStream(true)
                .redirectOutput(scriptOutput.toFile());
        training.environment()
                .putAll(Map.of(
                        "JAVA",
                        javaExecutable(),
                        "JAVA_OPTS_APPEND",
                        String.join(" ", imageOptions),
                        "AOT_TRAIN_PORT",
                        Integer.toString(Ports.freePort()),
                        // The image's bound is 120 s; this machine is shared with other builds.
                        "AOT_TRAIN_TIMEOUT",
                        "300",
                        "AOT_TRAIN_LOG",
                        trainingLog.toString()));
        long trainingStarted = System.nanoTime();
        Process script = training.start();
        boolean finished = script.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            script.destroyForcibly();
        }
        String output = Files.readString(scriptOutput);
        assertThat(finished).as("aot-train.sh ends by itself: %s", output).isTrue();
        assertThat(script.exitValue()).as("aot-train.sh: %s", output).isZero();
        assertThat(Files.readString(trainingLog))
                .as("the training run started the service")
                .containsPattern(STARTED_IN);
        assertThat(cache).exists();
        long cacheBytes = Files.size(cache);
        assertThat(cacheBytes)
                .as("cache size (the application's classes, not only the JDK's)")
                .isGreaterThan(MIN_CACHE_BYTES);
        System.out.printf(
                "AotTrainingIT: training run %.1f s, cache %d MB%n",
                (System.nanoTime() - trainingStarted) / 1e9, cacheBytes / (1024 * 1024));

        // 2. The service with the cache against real infrastructure (it migrates its database on the way). How much
        // sooner it is ready than without the cache is the bench's to measure (bench/README.md, footprint).
        DevStack stack = DevStack.shared();
        Start withCache = start(stack, withCache(imageOptions, cache), "with-cache");

        assertThat(AOT_COMPLAINT
                        .matcher(withCache.output)
                        .results()
                        .map(r -> r.group())
                        .toList())
                .as("the JVM used the cache without complaint")
                .isEmpty();
        assertThat(Files.readString(WORK.resolve("with-cache.classload.log")))
                .as("the service's own classes came from the cache")
                .containsPattern("org\\.modhub\\.moderation\\.reporting\\.\\S+ source: shared objects file");
        System.out.printf(
                "AotTrainingIT: with the cache, ready %.2f s after the process started (Quarkus: started in %s s)%n",
                withCache.secondsToReady, withCache.startedIn);
    }

    private record Start(double secondsToReady, String startedIn, String output) {}

    /** Starts the service, waits for ready (asserted), stops it with SIGTERM. */
    private static Start start(DevStack stack, List<String> javaOptions, String name)
            throws IOException, InterruptedException {
        int port = Ports.freePort();
        Path log = WORK.resolve(name + ".log");
        ServiceProcess service =
                new ServiceProcess("reporting", port, APP.resolve("quarkus-run.jar"), log, WORK.resolve(name + ".pid"));
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        long started = System.nanoTime();
        service.start(javaOptions, LocalSuite.serviceEnvironment(stack, "reporting", port), APP);
        // Ready, or the process gave up: either ends the wait (a dead process is not waited on for three minutes).
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !service.process().isAlive() || answers(ready));
        boolean isReady = service.process().isAlive() && answers(ready);
        double seconds = (System.nanoTime() - started) / 1e9;
        service.stop(Duration.ofSeconds(40));
        String output = Files.readString(log);
        assertThat(isReady).as("%s: ready within 3 minutes; log %s", name, log).isTrue();
        Matcher startedIn = STARTED_IN.matcher(output);
        return new Start(seconds, startedIn.find() ? startedIn.group(1) : "?", output);
    }

    private static boolean answers(HttpRequest ready) throws InterruptedException {
        try {
            return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListening) {
            return false;
        }
    }

    private static List<String> withCache(List<String> imageOptions, Path cache) {
        List<String> options = new ArrayList<>(imageOptions);
        options.add("-XX:AOTCache=" + cache);
        // Where each class came from, to a file (the service's output stays as in production).
        options.add("-Xlog:class+load=info:file=" + WORK.resolve("with-cache.classload.log"));
        return options;
    }

    /** The image's JAVA_OPTS_APPEND (its first ENV, the base stage's, before -XX:AOTCache is added). */
    private static List<String> imageJavaOptions() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("k8s/docker/Dockerfile.jvm"));
        Matcher env =
                Pattern.compile("(?m)^ENV JAVA_OPTS_APPEND=\"([^\"$]*)\"$").matcher(dockerfile);
        assertThat(env.find()).as("Dockerfile.jvm sets JAVA_OPTS_APPEND").isTrue();
        return Arrays.asList(env.group(1).trim().split("\\s+"));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
