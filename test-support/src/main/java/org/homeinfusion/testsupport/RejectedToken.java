package org.homeinfusion.testsupport;

/**
 * Every kind of bearer token a service must refuse with 401 (docs/api.md), for table-driven tests that try
 * each one on each endpoint. Apart from what is wrong with it, each names the organization and roles that
 * would have been allowed, so the token alone explains the refusal.
 */
public enum RejectedToken {

    NONE("no token") {
        @Override
        public String header(String org, String... roles) {
            return null;
        }
    },
    EXPIRED("an expired token") {
        @Override
        public String header(String org, String... roles) {
            return TestTokens.expired(org, roles);
        }
    },
    WRONG_SIGNATURE("a token signed with another secret") {
        @Override
        public String header(String org, String... roles) {
            return TestTokens.signedWithWrongSecret(org, roles);
        }
    },
    ALG_NONE("an unsigned alg:none token") {
        @Override
        public String header(String org, String... roles) {
            return TestTokens.unsignedAlgNone(org, roles);
        }
    },
    WITHOUT_ORG("a token without an org claim") {
        @Override
        public String header(String org, String... roles) {
            return TestTokens.withoutOrg(roles);
        }
    },
    MALFORMED_ORG("a token whose org is not an id") {
        @Override
        public String header(String org, String... roles) {
            return TestTokens.bearer(org + " OR 1=1", roles);
        }
    };

    private final String description;

    RejectedToken(String description) {
        this.description = description;
    }

    /** The {@code Authorization} header to send, or null for no header at all. */
    public abstract String header(String org, String... roles);

    @Override
    public String toString() {
        return description;
    }
}
