package org.envol.security;

import java.io.IOException;
import java.util.Optional;

/** Where the command line reads a password: standard input, or the terminal without echo. Tests give their own. */
interface PasswordSource {

    /** The next line of standard input, without its line end; null at the end of input. */
    String readLine() throws IOException;

    /** Asks on the terminal without echoing; empty when there is no terminal. */
    Optional<char[]> readHidden(String prompt);
}
