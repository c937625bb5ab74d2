package org.envol.ledger;

/** A journal (AC, VT, BQ, CA, OD, AN…), club-wide; entries are numbered per journal and fiscal year. */
public record Journal(long id, String code, String label, boolean active) {
}
