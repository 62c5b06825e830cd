package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modhub.moderation.devstack.launcher.LocalSuite;

class LauncherTest {

    @TempDir
    Path repo;

    @AfterEach
    void forgetRepo() {
        System.clearProperty("devstack.repo");
    }

    @Test
    void tokenCommandSignsWithTheKeyUnderDotDevstack() throws Exception {
        System.setProperty("devstack.repo", repo.toString());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Launcher.token(
                List.of("--sub", "alice", "--roles", "user,moderator", "--ttl", "600", "--email", "alice@example.org"),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String token = buffer.toString(StandardCharsets.UTF_8).trim();
        JwtKeys keys = JwtKeys.loadOrCreate(repo.resolve(".devstack/jwt"));
        JwtClaims claims = SharedStackTest.verifier(keys.publicKey()).processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("user", "moderator");
        assertThat(claims.getStringClaimValue("email")).isEqualTo("alice@example.org");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(600);
        // The state directory keeps itself out of git.
        assertThat(Files.readString(repo.resolve(".devstack/.gitignore"))).contains("*");
    }

    @Test
    void tokenCommandNeedsASubject() {
        System.setProperty("devstack.repo", repo.toString());

        assertThatThrownBy(() -> Launcher.token(List.of("--roles", "user"), System.out))
                .hasMessageContaining("--sub");
        assertThatThrownBy(() -> Launcher.token(List.of("--sub", "a", "--ttl", "soon"), System.out))
                .hasMessageContaining("--ttl");
    }

    @Test
    void theRepositoryIsWhereMvnwIs() throws Exception {
        Files.writeString(repo.resolve("mvnw"), "#!/bin/sh\n");
        Path nested = Files.createDirectories(repo.resolve("reporting-service/src"));

        assertThat(org.modhub.moderation.devstack.launcher.RepoLayoutAccess.locateFrom(nested)
                        .root())
                .isEqualTo(repo);
    }

    @Test
    void configKeysBecomeTheEnvironmentNamesSmallRyeConfigMapsBack() {
        assertThat(DevStackEnv.toEnvName("quarkus.datasource.reactive.url"))
                .isEqualTo("QUARKUS_DATASOURCE_REACTIVE_URL");
        assertThat(DevStackEnv.toEnvName("mp.jwt.verify.publickey.location"))
                .isEqualTo("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertThat(DevStackEnv.toEnvName("devstack.mail.safety.password"))
                .isEqualTo(DevStackEnv.mailPassword("safety"));
        assertThat(DevStackEnv.toEnvName("quarkus.mailer.start-tls")).isEqualTo("QUARKUS_MAILER_START_TLS");
    }

    @Test
    void shellQuotingSurvivesQuotes() {
        assertThat(Launcher.shellQuote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void matchingGetsAHeapForItsHashBankAndAnyServiceCanBeGivenOptionsOfItsOwn() {
        // The JVM takes the last -Xmx: matching's 768m wins over the launcher's 384m.
        assertThat(LocalSuite.serviceJavaOptions("matching", Map.of()))
                .isEqualTo(LocalSuite.DEFAULT_SERVICE_JAVA_OPTS
                        + " -Xmx768m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps");
        assertThat(LocalSuite.serviceJavaOptions("review", Map.of())).isEqualTo(LocalSuite.DEFAULT_SERVICE_JAVA_OPTS);
        assertThat(LocalSuite.serviceJavaOptions(
                        "matching",
                        Map.of(DevStackEnv.SERVICE_JAVA_OPTS, "-Xmx256m", "DEVSTACK_MATCHING_JAVA_OPTS", "-Xmx1g")))
                .isEqualTo("-Xmx256m -Xmx1g");
        assertThat(LocalSuite.serviceJavaOptions("review", Map.of("DEVSTACK_REVIEW_JAVA_OPTS", "-Xmx512m")))
                .isEqualTo(LocalSuite.DEFAULT_SERVICE_JAVA_OPTS + " -Xmx512m");
    }
}
