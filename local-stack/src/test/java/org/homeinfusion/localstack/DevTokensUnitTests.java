package org.homeinfusion.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class DevTokensUnitTests {

    @Test
    void mintsATokenTheServicesSecretVerifiesWithTheContractClaims() throws Exception {
        SignedJWT jwt = SignedJWT.parse(DevTokens.mint("user-SPEC-1", "SPEC-1", List.of("SPECIALIST"),
                Duration.ofHours(8)));

        String secret = DevTokens.usesDevDefaultSecret() ? DevTokens.DEV_DEFAULT_SECRET
                : System.getenv(DevTokens.SECRET_ENV);
        assertThat(jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("org")).isEqualTo("SPEC-1");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("SPECIALIST");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
                .isAfter(Instant.now().plus(Duration.ofHours(7)));
    }

    @Test
    void readsTopLevelFieldsOfServiceAnswers() {
        assertThat(DemoStory.field("{\"id\":\"a-1\",\"status\":\"REQUESTED\"}", "id")).isEqualTo("a-1");
        assertThat(DemoStory.field("{\"state\":\"READY\"}", "summary")).isNull();
        assertThat(DemoStory.field("not json", "id")).isNull();
    }
}
