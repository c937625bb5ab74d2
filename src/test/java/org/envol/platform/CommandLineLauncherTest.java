package org.envol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineLauncherTest {

    @Test
    void settingsAloneStartTheServerButHelpAndVersionAreTheCommandLines() {
        assertThat(CommandLineLauncher.isServe(new String[] {})).isTrue();
        assertThat(CommandLineLauncher.isServe(new String[] {"serve"})).isTrue();
        assertThat(CommandLineLauncher.isServe(new String[] {"--server.port=9090"})).isTrue();
        assertThat(CommandLineLauncher.isServe(new String[] {"--help"})).isFalse();
        assertThat(CommandLineLauncher.isServe(new String[] {"-h"})).isFalse();
        assertThat(CommandLineLauncher.isServe(new String[] {"--version"})).isFalse();
        assertThat(CommandLineLauncher.isServe(new String[] {"audit", "verify"})).isFalse();
    }

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
