package org.modhub.moderation.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.devstack.launcher.LocalSuite;
import org.modhub.moderation.devstack.launcher.RepoLayout;

/**
 * Command line of the development stack (what {@code bin/run} and {@code bin/token} call).
 *
 * <pre>
 * Launcher up [service…]          infrastructure + services, until Ctrl-C
 * Launcher infra [--ephemeral] [--env-file FILE]
 *                                 infrastructure only, until Ctrl-C
 * Launcher token --sub ID [--roles a,b] [--ttl SECONDS] [--email ADDRESS]
 *                                 a token signed with the key under .devstack/jwt/
 * </pre>
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        quietLibraries();
        if (args.length == 0) {
            usage(System.err);
            System.exit(2);
        }
        List<String> rest = List.of(args).subList(1, args.length);
        int exitCode;
        try {
            exitCode = switch (args[0]) {
                case "up" -> up(rest);
                case "infra" -> infra(rest);
                case "token" -> token(rest, System.out);
                case "help", "-h", "--help" -> {
                    usage(System.out);
                    yield 0;
                }
                default -> {
                    System.err.println("Unknown command: " + args[0]);
                    usage(System.err);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            exitCode = 2;
        } catch (RuntimeException e) {
            System.err.println("devstack: " + e.getMessage());
            Throwable cause = e.getCause();
            while (cause != null) {
                System.err.println("  caused by: " + cause);
                cause = cause.getCause();
            }
            exitCode = 1;
        }
        // up and infra return only on failure; the shutdown hook stops what did start.
        System.exit(exitCode);
    }

    static int up(List<String> args) {
        List<String> services = args.isEmpty() ? DevStackDefaults.SERVICES : parseServices(args);
        LocalSuite suite = new LocalSuite(RepoLayout.locate(), System.getenv());
        if (!suite.start(services)) {
            return 1;
        }
        waitForever();
        return 0;
    }

    static int infra(List<String> args) {
        boolean ephemeral = false;
        Path envFile = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--ephemeral" -> ephemeral = true;
                case "--env-file" -> envFile = Path.of(value(args, ++i, "--env-file"));
                default -> throw new UsageException("Unknown option for infra: " + args.get(i));
            }
        }
        RepoLayout repo = ephemeral ? null : RepoLayout.locate();
        LocalSuite suite = new LocalSuite(repo, System.getenv());
        DevStack stack = suite.startInfrastructure();
        if (stack == null) {
            return 1;
        }
        PrintStream out = System.out;
        out.println();
        out.println("Infrastructure is up" + (ephemeral ? " (ephemeral: free ports, temporary state)" : "")
                + ". Ctrl-C stops it.");
        suite.printInfrastructure(out);
        out.println();
        out.println("Use it from another shell (tests then start nothing):");
        stack.externalEnvironment().forEach((key, value) -> out.println("  export " + key + "=" + shellQuote(value)));
        if (envFile != null) {
            writeEnvFile(envFile, stack.externalEnvironment());
            out.println("(also written to " + envFile + ")");
        }
        waitForever();
        return 0;
    }

    /** Prints a token; exit code 0. */
    static int token(List<String> args, PrintStream out) {
        String subject = null;
        List<String> roles = List.of();
        Duration ttl = DevStackDefaults.TOKEN_TTL;
        String email = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--sub" -> subject = value(args, ++i, option);
                case "--roles", "--groups" ->
                    roles = Arrays.stream(value(args, ++i, option).split(","))
                            .map(String::trim)
                            .filter(role -> !role.isEmpty())
                            .toList();
                case "--ttl" -> {
                    String seconds = value(args, ++i, option);
                    try {
                        ttl = Duration.ofSeconds(Long.parseLong(seconds));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--ttl takes seconds, not " + seconds);
                    }
                }
                case "--email" -> email = value(args, ++i, option);
                default ->
                    throw new UsageException("Unknown option for token: " + option
                            + "\nUsage: token --sub ID [--roles a,b] [--ttl SECONDS] [--email ADDRESS]");
            }
        }
        if (subject == null || subject.isBlank()) {
            throw new UsageException("Usage: token --sub ID [--roles a,b] [--ttl SECONDS] [--email ADDRESS]");
        }
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                System.err.println("devstack: note: " + role + " is not one of the suite's roles " + Roles.ALL);
            }
        }
        RepoLayout repo = RepoLayout.locate();
        repo.prepare();
        TokenMinter minter = new TokenMinter(JwtKeys.loadOrCreate(repo.jwtDir()));
        Map<String, Object> claims = new LinkedHashMap<>();
        if (email != null) {
            claims.put("email", email);
        }
        out.println(minter.mint(subject, roles, ttl, claims));
        return 0;
    }

    private static List<String> parseServices(List<String> args) {
        List<String> services = new ArrayList<>();
        for (String arg : args) {
            for (String service : arg.split(",")) {
                String name = service.trim().replaceFirst("-service$", "");
                if (!DevStackDefaults.SERVICES.contains(name)) {
                    throw new UsageException("Unknown service " + service + "; services: " + DevStackDefaults.SERVICES);
                }
                services.add(name);
            }
        }
        return services;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    private static void writeEnvFile(Path file, Map<String, String> env) {
        StringBuilder text = new StringBuilder("# Written by devstack (Launcher infra); source it in a shell.\n");
        env.forEach((key, value) -> text.append("export ")
                .append(key)
                .append('=')
                .append(shellQuote(value))
                .append('\n'));
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            // Written whole and then moved: a script that waits for the file never reads half of it.
            Path temp = Files.createTempFile(absolute.getParent(), ".devstack-env", ".tmp");
            Files.writeString(temp, text);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            absolute.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static void waitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage: Launcher <command> [options]

                  up [service...]                 start PostgreSQL, Kafka, mail and the services
                                                  (default all: %s) until Ctrl-C
                  infra [--ephemeral] [--env-file FILE]
                                                  start only the infrastructure until Ctrl-C;
                                                  --ephemeral: free ports and temporary state;
                                                  --env-file: write the DEVSTACK_* exports there
                  token --sub ID [--roles a,b] [--ttl SECONDS] [--email ADDRESS]
                                                  print a token signed with the development key
                                                  (roles: %s)

                State and logs live under <repo>/.devstack/. The repository is found by walking up to
                mvnw from the working directory, or given with -Ddevstack.repo=<dir>.
                Topics: %s""".formatted(DevStackDefaults.SERVICES, Roles.ALL, Topics.EVENT_TOPICS));
    }

    /** Libraries log to the console through slf4j-simple; the launcher prints its own progress. */
    private static void quietLibraries() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The admin client warns about every refused connection while the broker boots.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        System.setProperty("java.util.logging.SimpleFormatter.format", "devstack: %5$s%6$s%n");
        // Initialise slf4j before the start threads log concurrently (else it replays with a warning).
        org.slf4j.LoggerFactory.getILoggerFactory();
    }

    /** A usage error: message to stderr, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
