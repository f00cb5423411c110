package org.homeinfusion.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Asks Testcontainers whether a Docker engine is reachable, treating any failure to find out as "no". */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean isDockerAvailable() {
        if (!anyDockerHint()) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * Testcontainers logs an ERROR with every strategy it tried when it finds no engine; where not even a trace of
     * Docker configuration exists, skip asking so logs of machines without Docker stay clean.
     */
    private static boolean anyDockerHint() {
        if (System.getenv("DOCKER_HOST") != null || System.getenv("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE") != null) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        List<Path> hints = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock"),
                Path.of(home, ".testcontainers.properties"), Path.of(home, ".docker")));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            hints.add(Path.of(runtimeDir, "docker.sock"));
            hints.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        return hints.stream().anyMatch(Files::exists);
    }
}
