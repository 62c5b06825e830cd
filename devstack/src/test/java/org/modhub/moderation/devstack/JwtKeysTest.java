package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {

    @TempDir
    Path dir;

    @Test
    void keysCreatedOnFirstUseAreReusedAndPrivateToTheOwner() throws Exception {
        JwtKeys first = JwtKeys.loadOrCreate(dir.resolve("jwt"));
        JwtKeys second = JwtKeys.loadOrCreate(dir.resolve("jwt"));

        assertThat(second.privateKeyPem()).isEqualTo(first.privateKeyPem());
        assertThat(second.publicKey()).isEqualTo(first.publicKey());
        assertThat(first.publicKey().getModulus().bitLength()).isEqualTo(2048);
        Path privateFile = dir.resolve("jwt").resolve(JwtKeys.PRIVATE_KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)))
                .isEqualTo("rw-------");
        assertThat(first.publicKeyFile()).contains(dir.resolve("jwt").resolve(JwtKeys.PUBLIC_KEY_FILE));
        assertThat(Files.readString(first.publicKeyFile().orElseThrow())).isEqualTo(first.publicKeyPem());
    }

    @Test
    void aPemRoundTripKeepsTheKey() {
        JwtKeys keys = JwtKeys.generate();

        JwtKeys copy = JwtKeys.fromPrivateKeyPem(keys.privateKeyPem());

        assertThat(copy.publicKeyPem()).isEqualTo(keys.publicKeyPem());
        assertThat(keys.publicKeyFile()).isEmpty();
        assertThat(keys.privateKeyPem())
                .startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
    }

    @Test
    void tokensCarryTheExtraClaimsAndExpireWhenTold() throws Exception {
        JwtKeys keys = JwtKeys.generate();
        TokenMinter minter = new TokenMinter(keys);

        String token =
                minter.mint("dave", List.of("legal"), Duration.ofMinutes(5), Map.of("email", "dave@example.org"));
        JwtClaims claims = SharedStackTest.verifier(keys.publicKey()).processToClaims(token);

        assertThat(claims.getStringClaimValue("email")).isEqualTo("dave@example.org");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(300);
        assertThat(claims.getJwtId()).isNotBlank();
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        JwtKeys keys = JwtKeys.generate();
        JwtClaims claims = JwtClaims.parse("{}");
        claims.setIssuer(DevStackDefaults.JWT_ISSUER);
        claims.setAudience(DevStackDefaults.JWT_AUDIENCE);
        claims.setSubject("erin");
        claims.setExpirationTimeMinutesInTheFuture(-10);
        var jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.RSA_USING_SHA256);

        String expired = jws.getCompactSerialization();

        assertThatThrownBy(() -> SharedStackTest.verifier(keys.publicKey()).processToClaims(expired))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void refusesNonsense() {
        TokenMinter minter = new TokenMinter(JwtKeys.generate());

        assertThatThrownBy(() -> minter.mint(" ", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minter.mint("frank", List.of(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JwtKeys.fromPrivateKeyPem("not a key")).isInstanceOf(IllegalArgumentException.class);
    }
}
