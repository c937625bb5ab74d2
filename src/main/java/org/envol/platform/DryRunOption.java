package org.envol.platform;

import picocli.CommandLine.Option;

/** {@code --dry-run}: the command checks and says what it would do, and writes nothing. A picocli mixin. */
public class DryRunOption {

    @Option(names = "--dry-run", descriptionKey = "shared.dry-run", description = "Contrôle et dit ce qui serait fait, sans rien enregistrer.")
    boolean dryRun;

    public boolean dryRun() {
        return dryRun;
    }
}
