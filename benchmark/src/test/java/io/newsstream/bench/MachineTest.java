package io.newsstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void shouldCallTheMachineBusyWhenTheLoadExceedsThreeQuartersOfTheCores() {
        assertThat(Machine.busy("1.6 1.0 0.5", 2)).isTrue();
        assertThat(Machine.busy("1.4 1.0 0.5", 2)).isFalse();
        assertThat(Machine.busy("n/a", 2)).isFalse();
    }

    @Test
    void shouldNotCountTheBenchsOwnLoadAsOtherWork() {
        // the end-to-end steps keep both cores busy: a load of 2.2 at the end is the bench itself
        assertThat(Machine.busy("2.23 1.92 1.37", 2, 2)).isFalse();
        assertThat(Machine.busy("6.09 4.77 3.88", 2, 2)).isTrue();
    }
}
