package org.envol.openflyers;

/**
 * An OpenFlyers account (its id and name in OpenFlyers) and what it stands for in one section:
 * an Envol account, or nothing ({@link #ignored()}) when the treasurer chose to leave it out.
 */
public record AccountMapping(long sectionId, String openFlyersId, String openFlyersName, Long accountId) {

    public boolean ignored() {
        return accountId == null;
    }
}
