package org.homeinfusion.benchmark.load;

/**
 * The answer to an {@link ApiCall}, with the three harness timestamps that matter for an open-loop measurement.
 *
 * @param status          the HTTP status, or {@link #IO_ERROR} / {@link #TIMEOUT}
 * @param scheduledNanos  when the call was due (the case's arrival, or the response that enabled it)
 * @param sentNanos       when the client got a connection slot and sent it
 * @param completedNanos  when the whole response had arrived
 */
public record ApiResult(ApiCall call, int status, String body, long scheduledNanos, long sentNanos,
        long completedNanos) {

    public static final int IO_ERROR = -1;
    public static final int TIMEOUT = -2;

    public boolean asExpected() {
        return status == call.expectedStatus();
    }
}
