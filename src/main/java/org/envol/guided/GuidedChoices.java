package org.envol.guided;

import java.util.List;
import java.util.Map;
import org.envol.ledger.Account;
import org.envol.ledger.Section;

/**
 * What a guided screen offers: per slot name, the active accounts it accepts; the sections a
 * transfer may go to (those the user writes in, but this one) and the chosen one; for a refund,
 * each member's credit balance.
 */
public record GuidedChoices(GuidedKind kind, Section section, Map<String, List<Account>> accounts, List<Section> targets,
        Section target, Map<Long, Long> creditCents) {

    public List<Account> accounts(String slot) {
        return accounts.getOrDefault(slot, List.of());
    }
}
