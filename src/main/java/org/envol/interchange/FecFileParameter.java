package org.envol.interchange;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** {@code FILE}, the first parameter of {@code check fec} and {@code import fec}: a FEC file. A picocli mixin. */
class FecFileParameter {

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "shared.fec-file",
            description = "Le fichier FEC (tabulation ou |, UTF-8 ou ISO-8859-15).")
    Path file;

    Path path() {
        return file;
    }
}
