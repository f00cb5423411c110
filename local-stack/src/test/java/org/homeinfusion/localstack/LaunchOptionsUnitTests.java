package org.homeinfusion.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LaunchOptionsUnitTests {

    @Test
    void defaultsToTheContractsPortsWithoutResetOrDemo() {
        LaunchOptions options = LaunchOptions.parse();

        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.postgresPort()).isEqualTo(5432);
        assertThat(options.reset()).isFalse();
        assertThat(options.demo()).isFalse();
    }

    @Test
    void readsEveryOption() {
        LaunchOptions options = LaunchOptions.parse("--reset", "--demo", "--postgres-port", "55432",
                "--kafka-port", "19092");

        assertThat(options.reset()).isTrue();
        assertThat(options.demo()).isTrue();
        assertThat(options.postgresPort()).isEqualTo(55432);
        assertThat(options.kafkaPort()).isEqualTo(19092);
    }

    @Test
    void refusesUnknownOptionsAndBadPorts() {
        assertThatThrownBy(() -> LaunchOptions.parse("--rest")).hasMessageContaining("--rest");
        assertThatThrownBy(() -> LaunchOptions.parse("--postgres-port", "x")).hasMessageContaining("port number");
        assertThatThrownBy(() -> LaunchOptions.parse("--postgres-port")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse("--demo", "--infra-only")).hasMessageContaining("--demo");
    }
}
