package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class TestTokensUnitTests {

    @Test
    void mintsAVerifiableHs256TokenWithTheContractClaims() throws Exception {
        String header = TestTokens.bearer("SPEC-1", "SPECIALIST", "PAYER");

        assertThat(header).startsWith("Bearer ");
        SignedJWT jwt = SignedJWT.parse(header.substring("Bearer ".length()));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(TestTokens.secret()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("user-SPEC-1");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("org")).isEqualTo("SPEC-1");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("SPECIALIST", "PAYER");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(new Date());
        assertThat(jwt.getJWTClaimsSet().getIssueTime()).isBeforeOrEqualTo(new Date());
    }

    @Test
    void mintsAnExpiredTokenThatIsOtherwiseValid() throws Exception {
        SignedJWT jwt = SignedJWT.parse(TestTokens.expired("SPEC-1", "SPECIALIST").substring(7));

        assertThat(jwt.verify(new MACVerifier(TestTokens.secret()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isBefore(new Date());
    }

    @Test
    void mintsATokenTheServicesSecretDoesNotVerify() throws Exception {
        SignedJWT jwt = SignedJWT.parse(TestTokens.signedWithWrongSecret("SPEC-1", "SPECIALIST").substring(7));

        assertThat(jwt.verify(new MACVerifier(TestTokens.secret()))).isFalse();
    }

    @Test
    void mintsAnAlgNoneToken() throws Exception {
        var jwt = JWTParser.parse(TestTokens.unsignedAlgNone("SPEC-1", "SPECIALIST").substring(7));

        assertThat(jwt).isInstanceOf(PlainJWT.class);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("org")).isEqualTo("SPEC-1");
    }

    @Test
    void mintsAVerifiableTokenWithoutAnOrganization() throws Exception {
        SignedJWT jwt = SignedJWT.parse(TestTokens.withoutOrg("SPECIALIST").substring(7));

        assertThat(jwt.verify(new MACVerifier(TestTokens.secret()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getClaims()).doesNotContainKey("org");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("SPECIALIST");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(new Date());
    }

    @Test
    void usesTheDevDefaultSecretWhenNoneIsConfigured() {
        if (System.getenv(TestTokens.SECRET_ENV) == null) {
            assertThat(new String(TestTokens.secret())).isEqualTo(TestTokens.DEV_DEFAULT_SECRET);
        } else {
            assertThat(new String(TestTokens.secret())).isEqualTo(System.getenv(TestTokens.SECRET_ENV));
        }
    }
}
