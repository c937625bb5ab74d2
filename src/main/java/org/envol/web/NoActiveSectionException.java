package org.envol.web;

/** A page needs an active section and the user reads none. */
class NoActiveSectionException extends RuntimeException {

    NoActiveSectionException() {
        super("no readable section");
    }
}
