package org.homeinfusion.benchmark.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatUnitTests {

    @Test
    void readsUserAndSystemTimeEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 40 0 1000 "
                + "4000000000 50000 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 1 0 0 0 0 0";
        assertThat(ProcStat.cpuTicks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void readsResidentMemoryFromStatus() {
        String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmRSS:\t  262144 kB\nThreads:\t40\n";
        assertThat(ProcStat.statusField(status, "VmRSS:")).hasValue(262_144);
        assertThat(ProcStat.statusField(status, "Pss:")).isEmpty();
    }

    @Test
    void samplesThisVeryProcess() {
        ProcStat.Sample self = ProcStat.sample(ProcessHandle.current().pid()).orElseThrow();
        assertThat(self.rssKiB()).isPositive();
        assertThat(self.pssKiB()).isPositive();
        assertThat(self.cpuTicks()).isPositive();
    }
}
