package org.envol;

import org.envol.platform.CommandLineLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Envol: one jar. Without arguments, or with {@code serve}, it serves the web application. */
@SpringBootApplication
public class EnvolApplication {

    public static void main(String[] args) {
        if (CommandLineLauncher.isServe(args)) {
            CommandLineLauncher.serve(EnvolApplication.class, args);
        } else {
            System.exit(CommandLineLauncher.runCommand(EnvolApplication.class, args));
        }
    }
}
