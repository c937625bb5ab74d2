package org.envol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineLauncherTest {

    @Test
    void theBenchmarkKeepsAwayFromTheUsersDatabaseUnlessToldConfigured() {
        assertThat(CommandLineLauncher.bringsOwnDatabase(new String[] {"bench"})).isTrue();
        assertThat(CommandLineLauncher.bringsOwnDatabase(new String[] {"bench", "--db", "h2", "--entries", "5000"})).isTrue();
        assertThat(CommandLineLauncher.bringsOwnDatabase(new String[] {"bench", "--db", "configured"})).isFalse();
        assertThat(CommandLineLauncher.bringsOwnDatabase(new String[] {"bench", "--db=configured"})).isFalse();
        assertThat(CommandLineLauncher.bringsOwnDatabase(new String[] {"audit", "verify"})).isFalse();
        assertThat(CommandLineLauncher.bringsOwnDatabase(new String[] {})).isFalse();
    }
}
