package org.homeinfusion.benchmark.observe;

import java.util.List;
import java.util.function.Supplier;

/**
 * Processes reported together, e.g. one service's JVM, or every PostgreSQL backend. The pids are looked up at each
 * sample, since backends come and go and a restarted service has a new pid.
 */
public record ProcessGroup(String name, String role, Supplier<List<Long>> pids) {

    public static ProcessGroup of(String name, String role, long pid) {
        return new ProcessGroup(name, role, () -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> List.of(p.pid())).orElse(List.of()));
    }
}
