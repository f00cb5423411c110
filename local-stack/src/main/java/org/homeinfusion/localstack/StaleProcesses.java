package org.homeinfusion.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Remembers which processes a launcher started, so that after a launcher killed without its shutdown hook (SIGKILL,
 * a closed terminal) the next start removes the leftovers instead of failing on busy ports.
 */
final class StaleProcesses {

    private final Path launcherPidFile;
    private final Path childrenPidFile;
    private final Path postgresData;

    StaleProcesses(Path stateDirectory, Path postgresData) {
        this.launcherPidFile = stateDirectory.resolve("launcher.pid");
        this.childrenPidFile = stateDirectory.resolve("services.pid");
        this.postgresData = postgresData;
    }

    /** The pid of a launcher still running on this repository, if any. */
    Optional<Long> runningLauncher() {
        return readPids(launcherPidFile).stream().findFirst()
                .filter(pid -> pid != ProcessHandle.current().pid())
                .filter(pid -> ProcessHandle.of(pid).map(p -> p.isAlive() && isJava(p)).orElse(false));
    }

    /** Kills services and the PostgreSQL server a previous, dead launcher left behind. */
    void removeLeftovers() throws IOException {
        for (long pid : readPids(childrenPidFile)) {
            ProcessHandle.of(pid).filter(p -> isJava(p) && commandLine(p).contains("-service")).ifPresent(p -> {
                System.out.println("Stopping service left over from an earlier run (pid " + pid + ")");
                stop(p);
            });
        }
        Files.deleteIfExists(childrenPidFile);
        Path postmasterPid = postgresData.resolve("postmaster.pid");
        if (Files.exists(postmasterPid)) {
            long pid = readPids(postmasterPid).stream().findFirst().orElse(-1L);
            ProcessHandle.of(pid).filter(p -> commandLine(p).contains("postgres")).ifPresent(p -> {
                System.out.println("Stopping PostgreSQL left over from an earlier run (pid " + pid + ")");
                stop(p);
            });
        }
    }

    void recordLauncher() throws IOException {
        Files.createDirectories(launcherPidFile.getParent());
        Files.writeString(launcherPidFile, ProcessHandle.current().pid() + "\n");
    }

    void recordServices(List<Long> pids) throws IOException {
        StringBuilder text = new StringBuilder();
        pids.forEach(pid -> text.append(pid).append('\n'));
        Files.writeString(childrenPidFile, text.toString());
    }

    /** After a clean shutdown nothing is left to remember. */
    void forget() {
        try {
            Files.deleteIfExists(childrenPidFile);
            if (readPids(launcherPidFile).contains(ProcessHandle.current().pid())) {
                Files.deleteIfExists(launcherPidFile);
            }
        } catch (IOException e) {
            // Harmless: the next start checks whether the recorded pids are still alive.
        }
    }

    private static void stop(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("java")).orElse(false);
    }

    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }

    private static List<Long> readPids(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::trim)
                    .filter(line -> line.matches("\\d+"))
                    .map(Long::parseLong)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
