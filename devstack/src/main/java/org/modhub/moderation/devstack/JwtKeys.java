package org.modhub.moderation.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.HashUtil;
import org.modhub.moderation.devstack.internal.FileTrees;

/**
 * The development RSA-2048 key pair that signs (RS256) and verifies tokens. Never committed:
 * tests generate one per JVM in memory, the launcher keeps one under {@code .devstack/jwt/}.
 */
public final class JwtKeys {

    /** PKCS#8 private key; the public key is derived from it, so the pair can never disagree. */
    public static final String PRIVATE_KEY_FILE = "private-key.pem";
    /** X.509 public key, what {@code mp.jwt.verify.publickey.location} points at. */
    public static final String PUBLIC_KEY_FILE = "public-key.pem";

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final Path publicKeyFile;
    private final String keyId;

    private JwtKeys(RSAPrivateCrtKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKey = derivePublic(privateKey);
        this.publicKeyFile = publicKeyFile;
        this.keyId = thumbprint(publicKey);
    }

    /** A fresh in-memory key pair. */
    public static JwtKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new JwtKeys((RSAPrivateCrtKey) pair.getPrivate(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The key pair under {@code dir}, created (owner-only permissions) on first use. */
    public static JwtKeys loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            FileTrees.ownerOnly(dir);
            Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
            if (!Files.exists(privateFile)) {
                writeNew(privateFile, generate().privateKeyPem());
            }
            JwtKeys keys = new JwtKeys(parsePrivate(Files.readString(privateFile)), dir.resolve(PUBLIC_KEY_FILE));
            String publicPem = keys.publicKeyPem();
            if (!Files.exists(keys.publicKeyFile)
                    || !Files.readString(keys.publicKeyFile).equals(publicPem)) {
                Path temp = Files.createTempFile(dir, "public", ".tmp");
                Files.writeString(temp, publicPem);
                move(temp, keys.publicKeyFile);
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load or create the JWT keys under " + dir, e);
        }
    }

    /** Keys from PEM text (the private key decides; the public key is derived). */
    public static JwtKeys fromPrivateKeyPem(String privateKeyPem) {
        return new JwtKeys(parsePrivate(privateKeyPem), null);
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** {@code -----BEGIN PRIVATE KEY-----} (PKCS#8), the form {@code smallrye.jwt.sign.key} takes. */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /** {@code -----BEGIN PUBLIC KEY-----} (X.509), the form {@code mp.jwt.verify.publickey} takes. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /**
     * The {@code kid} of every token signed with this pair: the key's RFC 7638 thumbprint, so it stays the same as
     * long as the key does (across launcher restarts) and a verifier that picks keys by {@code kid} finds it.
     */
    public String keyId() {
        return keyId;
    }

    /** The public key as a JWK set ({@code {"keys":[{"kty":"RSA","kid":...}]}}), what a {@code jwks_uri} serves. */
    public String jwkSetJson() {
        RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
        jwk.setKeyId(keyId);
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return "{\"keys\":[" + jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}";
    }

    /** The public key file, for keys that live on disk. */
    public Optional<Path> publicKeyFile() {
        return Optional.ofNullable(publicKeyFile);
    }

    private static void writeNew(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "private", ".tmp");
        FileTrees.ownerOnly(temp);
        Files.writeString(temp, content);
        try {
            // No REPLACE_EXISTING: if another process created the key meanwhile, its key wins.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static RSAPrivateCrtKey parsePrivate(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not a PKCS#8 PEM RSA private key", e);
        }
    }

    private static RSAPublicKey derivePublic(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the RSA public key", e);
        }
    }

    private static String thumbprint(RSAPublicKey key) {
        return new RsaJsonWebKey(key).calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
