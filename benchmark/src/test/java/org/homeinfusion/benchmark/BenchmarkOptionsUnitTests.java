package org.homeinfusion.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsUnitTests {

    @Test
    void defaultsToTheFullBenchmarkOnAStackItStartsItself() {
        BenchmarkOptions options = BenchmarkOptions.parse();
        assertThat(options.target()).isNull();
        assertThat(options.rates()).containsExactly(10.0, 50.0, 100.0, 200.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.catchUpCases()).isEqualTo(7500);
        assertThat(options.keepData()).isFalse();
    }

    @Test
    void smokeShrinksTheRunToSeconds() {
        BenchmarkOptions options = BenchmarkOptions.parse("--smoke");
        assertThat(options.rates()).containsExactly(5.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.warmup()).isZero();
        assertThat(options.catchUpCases()).isEqualTo(20);
    }

    @Test
    void readsRatesDurationsAndATarget() {
        BenchmarkOptions options = BenchmarkOptions.parse("--rates", "10,50", "--duration=1500ms", "--warmup", "0",
                "--target", "http://127.0.0.1", "--kafka", "127.0.0.1:19092");
        assertThat(options.rates()).isEqualTo(List.of(10.0, 50.0));
        assertThat(options.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.warmup()).isZero();
        assertThat(options.target().getHost()).isEqualTo("127.0.0.1");
        assertThat(options.kafka()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--rate", "5")).hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--rates", "0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--duration", "soon")).hasMessageContaining("duration");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--target", "localhost")).hasMessageContaining("URL");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--duration")).hasMessageContaining("needs a value");
    }
}
