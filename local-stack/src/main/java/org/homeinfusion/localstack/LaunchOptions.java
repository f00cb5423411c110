package org.homeinfusion.localstack;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** The launcher's command line. */
record LaunchOptions(boolean reset, boolean demo, boolean infrastructureOnly, boolean help, int kafkaPort,
        int postgresPort, Path root) {

    static final int DEFAULT_KAFKA_PORT = 9092;
    static final int DEFAULT_POSTGRES_PORT = 5432;

    static final String USAGE = """
            Usage: ./run-local.sh [--no-build] [options]
               or: java -jar local-stack/target/local-stack.jar [options]

              --reset              delete .local-stack/data (Kafka topics, databases) before starting
              --demo               once everything is UP, play the seed story (CASE-1001) through the HTTP APIs
              --infra-only         start only Kafka and PostgreSQL (run the services from your IDE)
              --postgres-port N    PostgreSQL port (default 5432; a free one is chosen if it is taken)
              --kafka-port N       Kafka port (default 9092, the address the contract documents)
              --root DIR           repository root (default: found from the jar's location)
              --help               this text

            Ctrl-C stops the services, then PostgreSQL, then Kafka. Data survives in .local-stack/data.
            """;

    static LaunchOptions parse(String... args) {
        Deque<String> remaining = new ArrayDeque<>(Arrays.asList(args));
        boolean reset = false;
        boolean demo = false;
        boolean infrastructureOnly = false;
        boolean help = false;
        int kafkaPort = DEFAULT_KAFKA_PORT;
        int postgresPort = DEFAULT_POSTGRES_PORT;
        Path root = null;
        while (!remaining.isEmpty()) {
            String arg = remaining.pop();
            switch (arg) {
                case "--reset" -> reset = true;
                case "--demo" -> demo = true;
                case "--infra-only" -> infrastructureOnly = true;
                case "--help", "-h" -> help = true;
                case "--kafka-port" -> kafkaPort = port(arg, remaining);
                case "--postgres-port" -> postgresPort = port(arg, remaining);
                case "--root" -> root = Path.of(value(arg, remaining));
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (demo && infrastructureOnly) {
            throw new IllegalArgumentException("--demo needs the services; drop --infra-only");
        }
        return new LaunchOptions(reset, demo, infrastructureOnly, help, kafkaPort, postgresPort, root);
    }

    private static int port(String option, Deque<String> remaining) {
        String text = value(option, remaining);
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a port number, got " + text);
        }
    }

    private static String value(String option, Deque<String> remaining) {
        if (remaining.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return remaining.pop();
    }
}
