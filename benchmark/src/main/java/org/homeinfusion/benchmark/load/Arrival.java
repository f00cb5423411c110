package org.homeinfusion.benchmark.load;

import java.util.concurrent.CompletableFuture;

/** Something the open loop starts at its due time and does not wait for: in practice a {@link CaseRun}. */
public interface Arrival {

    SyntheticCase subject();

    /** Must return at once; the outcome completes whenever the case is done. */
    CompletableFuture<CaseOutcome> start(long dueNanos);
}
