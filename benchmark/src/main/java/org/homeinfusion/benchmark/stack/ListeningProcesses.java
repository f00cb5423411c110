package org.homeinfusion.benchmark.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.homeinfusion.benchmark.observe.ProcessGroup;

/**
 * Which local process listens on a TCP port, from /proc/net/tcp{,6} and the processes' socket descriptors (Linux;
 * needs the right to read other processes' fd directories, e.g. the same user or root).
 */
public final class ListeningProcesses {

    private static final String LISTEN = "0A";

    private ListeningProcesses() {
    }

    public static Optional<Long> pidListeningOn(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length < 10 || !fields[3].equals(LISTEN)) {
                        continue;
                    }
                    String local = fields[1];
                    int localPort = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
                    if (localPort == port) {
                        inodes.add(fields[9]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // No such table (no IPv6) or unreadable: try the other.
            }
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                Path fds = process.resolve("fd");
                try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(fds)) {
                    for (Path descriptor : descriptors) {
                        String target = Files.readSymbolicLink(descriptor).toString();
                        if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                            return Optional.of(Long.parseLong(process.getFileName().toString()));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // Gone, or not ours to read.
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The PostgreSQL server listening on {@code port} and every process it forked (backends, WAL writer,
     * checkpointer…). pg_ctl daemonizes the server, so it is nobody's descendant but init's: it is found by its port.
     */
    public static ProcessGroup postgres(int port) {
        AtomicLong postmaster = new AtomicLong(-1);
        return new ProcessGroup("postgresql (all processes)", "database", () -> {
            long known = postmaster.get();
            if (known < 0 || ProcessHandle.of(known).map(p -> !p.isAlive()).orElse(true)) {
                known = pidListeningOn(port).orElse(-1L);
                postmaster.set(known);
            }
            return ProcessHandle.of(known).stream()
                    .flatMap(server -> Stream.concat(Stream.of(server), server.children()))
                    .map(ProcessHandle::pid).toList();
        });
    }
}
