package io.caseswarm.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issues RS256 JWTs the way an OIDC provider would: {@code iss}, {@code sub}, {@code upn},
 * {@code groups} (the Caseswarm roles), {@code iat}, {@code exp}, {@code jti}. The key pair lives in
 * two PEM files (PKCS#8 private, X.509 public); the services are given only the public one.
 */
public final class LocalIssuer {

    /** The issuer name the services expect unless configured otherwise. */
    public static final String ISSUER = "https://caseswarm.local/auth";
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
    public static final String PRIVATE_KEY_FILE = "private.pem";
    public static final String PUBLIC_KEY_FILE = "public.pem";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;

    private LocalIssuer(KeyPair keys) {
        this.keys = keys;
    }

    /** A fresh key pair, held in memory only. */
    public static LocalIssuer generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new LocalIssuer(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot make RSA keys", e);
        }
    }

    /** The key pair kept in {@code directory}, made and saved there first if it is not there yet. */
    public static LocalIssuer inDirectory(Path directory) {
        if (Files.exists(directory.resolve(PRIVATE_KEY_FILE)) && Files.exists(directory.resolve(PUBLIC_KEY_FILE))) {
            return load(directory);
        }
        LocalIssuer issuer = generate();
        issuer.save(directory);
        return issuer;
    }

    private static LocalIssuer load(Path directory) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(pemBody(directory.resolve(PRIVATE_KEY_FILE))));
            PublicKey publicKey = rsa.generatePublic(
                    new X509EncodedKeySpec(pemBody(directory.resolve(PUBLIC_KEY_FILE))));
            return new LocalIssuer(new KeyPair(publicKey, privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The keys in " + directory + " are not an RSA key pair", e);
        }
    }

    /** Writes both PEM files; the private key is readable by its owner only. */
    public void save(Path directory) {
        try {
            Files.createDirectories(directory);
            Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
            Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: nothing more we can do.
            }
            Files.writeString(directory.resolve(PUBLIC_KEY_FILE), publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write keys to " + directory, e);
        }
    }

    /** What the services verify with: {@code mp.jwt.verify.publickey} or a file at {@code ...publickey.location}. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    /** A token for {@code subject} with {@code roles}, valid from now for the default lifetime. */
    public String issue(String subject, String... roles) {
        return issue(ISSUER, subject, Instant.now(), DEFAULT_LIFETIME, roles);
    }

    /** A token with every claim that matters chosen: tests use it for expired tokens and foreign issuers. */
    public String issue(String issuer, String subject, Instant issuedAt, Duration lifetime, String... roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(roles));
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signedPart = encode(Map.of("alg", "RS256", "typ", "JWT")) + "." + encode(claims);
        return signedPart + "." + BASE64URL.encodeToString(sign(signedPart.getBytes(UTF_8)));
    }

    private byte[] sign(byte[] content) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private static String encode(Object json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(Path file) {
        try {
            String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
