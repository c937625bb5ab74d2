package org.envol.openflyers;

/**
 * One account of OpenFlyers' « balance des comptes utilisateurs »: its id, name and profile, and
 * its balance in cents, positive when the pilot is in credit (formats.md §2a) — the opposite of
 * Envol's sign for a member account.
 */
public record BalanceLine(int line, String openFlyersId, String name, String profile, long balanceCents) {
}
