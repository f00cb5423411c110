package org.homeinfusion.infrastructure;

import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * Turns the embedded servers' chatty loggers down to WARN, both in whatever Logback configuration is active now and, as
 * {@code logging.level.*} system properties, in the one Spring Boot installs later when a test context starts (Boot
 * resets Logback and would otherwise bring back INFO).
 */
final class QuietLogging {

    static final List<String> KAFKA_LOGGERS = List.of("org.apache.kafka", "kafka", "state.change.logger");
    /** zonky relays every line initdb and the postmaster print at INFO; failures still surface as exceptions. */
    static final List<String> POSTGRES_LOGGERS = List.of("io.zonky.test.db.postgres");

    private QuietLogging() {
    }

    static void warnOnly(List<String> loggerNames) {
        for (String name : loggerNames) {
            String property = "logging.level." + name;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "WARN");
            }
            if (isLogbackBound()) {
                LogbackLevels.warn(name);
            }
        }
    }

    private static boolean isLogbackBound() {
        try {
            Class.forName("ch.qos.logback.classic.Logger", false, QuietLogging.class.getClassLoader());
            return LoggerFactory.getILoggerFactory().getClass().getName().startsWith("ch.qos.logback");
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Kept apart so the Logback classes are only loaded once we know they are there. */
    private static final class LogbackLevels {
        static void warn(String name) {
            ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
            // An explicitly configured level is someone's deliberate choice (e.g. DEBUG while diagnosing): keep it.
            if (logger.getLevel() == null) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }
}
