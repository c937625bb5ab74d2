package org.envol.ledger;

/** A watertight set of books inside the club (gliders, planes, ULM). */
public record Section(long id, String code, String name) {
}
