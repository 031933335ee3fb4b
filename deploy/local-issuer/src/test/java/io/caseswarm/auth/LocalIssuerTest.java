package io.caseswarm.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LocalIssuerTest {

    @TempDir
    Path keys;

    @Test
    void aTokenCarriesTheUserAndRolesAndVerifiesWithThePublicKeyOnly() throws Exception {
        LocalIssuer issuer = LocalIssuer.inDirectory(keys);
        String[] parts = issuer.issue("ana.lima", "agent", "lead").split("\\.");

        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("iss").asText()).isEqualTo(LocalIssuer.ISSUER);
        assertThat(claims.path("sub").asText()).isEqualTo("ana.lima");
        assertThat(claims.path("groups")).extracting(JsonNode::asText).containsExactly("agent", "lead");
        assertThat(claims.path("exp").asLong()).isGreaterThan(claims.path("iat").asLong());

        String pem = Files.readString(keys.resolve(LocalIssuer.PUBLIC_KEY_FILE));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
        rs256.update((parts[0] + "." + parts[1]).getBytes(UTF_8));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void theKeyPairIsMadeOnceAndThePrivateHalfIsTheOwnersAlone() throws Exception {
        String first = LocalIssuer.inDirectory(keys).publicKeyPem();
        String again = LocalIssuer.inDirectory(keys).publicKeyPem();

        assertThat(again).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(LocalIssuer.PRIVATE_KEY_FILE))))
                .isEqualTo("rw-------");
    }
}
