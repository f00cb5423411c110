package org.homeinfusion.infrastructure;

import java.util.List;

/**
 * One of the four services as the local stack runs it: its Maven module, HTTP port, database and heap
 * (initial and maximum, MiB).
 */
public record ServiceDefinition(String module, int port, String database, int initialHeapMb, int maxHeapMb) {

    /** Ports and databases as in contract §2; the coordinator last so it finds the pillar services' topics. */
    public static final List<ServiceDefinition> ALL = List.of(
            new ServiceDefinition("drug-auth-service", 8081, "drug_auth", 128, 256),
            new ServiceDefinition("nursing-auth-service", 8082, "nursing_auth", 128, 256),
            new ServiceDefinition("supplies-auth-service", 8083, "supplies_auth", 128, 256),
            // The coordinator holds whole batches of cases (thousands of records) during a catch-up; with
            // 256 MiB it ran a full collection every 2.5 s and young ones every 150 ms (JFR, benchmark).
            new ServiceDefinition("coordinator-service", 8080, "coordinator", 192, 384));

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public static ServiceDefinition named(String module) {
        return ALL.stream().filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + module));
    }

    /** The same service on another port, e.g. a free one for end-to-end tests beside a running stack. */
    public ServiceDefinition onPort(int otherPort) {
        return new ServiceDefinition(module, otherPort, database, initialHeapMb, maxHeapMb);
    }
}
