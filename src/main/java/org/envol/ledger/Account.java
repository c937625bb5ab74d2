package org.envol.ledger;

/** Where lines are posted. Several accounts may share a chart code (one 411 per member). */
public record Account(long id, long sectionId, String code, String label, boolean active) {

    public String display() {
        return code + " " + label;
    }

    public int accountClass() {
        return code.charAt(0) - '0';
    }
}
