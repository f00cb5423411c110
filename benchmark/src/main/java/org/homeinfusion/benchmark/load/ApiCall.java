package org.homeinfusion.benchmark.load;

import java.net.URI;

/**
 * One HTTP request of a case.
 *
 * @param label           the endpoint without ids, e.g. {@code PUT /api/drug-authorizations/{id}/delivery}
 * @param expectedStatus  what the contract answers when all is well (201 for creates, 200 otherwise)
 */
public record ApiCall(String label, String method, URI uri, String bearer, String idempotencyKey, String body,
        int expectedStatus) {
}
