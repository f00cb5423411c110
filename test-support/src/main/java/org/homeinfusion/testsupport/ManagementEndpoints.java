package org.homeinfusion.testsupport;

import java.util.List;

/**
 * The actuator endpoints every service serves to anyone (CONTRACT §3: health with its probe groups, and
 * metrics for Prometheus) and those that would reveal configuration, beans or memory and so must never
 * answer 200, with or without a token.
 */
public final class ManagementEndpoints {

    public static final List<String> OPEN = List.of(
            "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus");

    public static final List<String> CLOSED = List.of(
            "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
            "/actuator/loggers", "/actuator/mappings", "/actuator/threaddump", "/actuator/shutdown");

    private ManagementEndpoints() {
    }
}
