package org.homeinfusion.testsupport;

import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;

/**
 * Every endpoint against every token it must not act on (docs/api.md), as dynamic tests: each kind of
 * {@link RejectedToken} is 401, a valid token without any role is 403, and after each refusal nothing has changed.
 * Each token names the organization, and where it has any the role, that the endpoint would otherwise let through,
 * so what is wrong with the token is all that explains the refusal.
 */
public final class RejectedTokenSweep {

    /** One call that is about to be refused, and what it must leave as it was. */
    public interface Attempt {

        ApiClient.Response send(String authorization);

        /** Fails if the refused call changed anything; compares with what was read when the attempt was made. */
        void assertNothingChanged();

        static Attempt of(Function<String, ApiClient.Response> send, Runnable assertNothingChanged) {
            return new Attempt() {
                @Override
                public ApiClient.Response send(String authorization) {
                    return send.apply(authorization);
                }

                @Override
                public void assertNothingChanged() {
                    assertNothingChanged.run();
                }
            };
        }
    }

    private RejectedTokenSweep() {
    }

    /**
     * Two containers: every rejected token on every endpoint, then a role-less token on every endpoint.
     * {@code allowedRole} names a role whose organization in the case may call the endpoint; {@code attempt} is asked
     * for a new attempt just before each call, so that what it will compare with is read then.
     */
    public static <E> Stream<DynamicContainer> over(CaseOrganizations organizations, E[] endpoints,
            Function<E, ? extends Enum<?>> allowedRole, Function<E, Attempt> attempt) {
        Stream<DynamicTest> rejected = Arrays.stream(RejectedToken.values()).flatMap(token -> Arrays.stream(endpoints)
                .map(endpoint -> dynamicTest(token + " on " + endpoint + " -> 401", () -> {
                    Enum<?> role = allowedRole.apply(endpoint);
                    assertRefused(attempt.apply(endpoint), token.header(organizations.of(role), role.name()), 401);
                })));
        Stream<DynamicTest> withoutRole = Arrays.stream(endpoints)
                .map(endpoint -> dynamicTest(endpoint + " -> 403", () -> assertRefused(attempt.apply(endpoint),
                        TestTokens.bearer(organizations.of(allowedRole.apply(endpoint))), 403)));
        return Stream.of(dynamicContainer("every rejected token -> 401", rejected),
                dynamicContainer("a valid token without any role -> 403", withoutRole));
    }

    private static void assertRefused(Attempt attempt, String authorization, int status) {
        assertProblem(attempt.send(authorization), status);
        attempt.assertNothingChanged();
    }
}
