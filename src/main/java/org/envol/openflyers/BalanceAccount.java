package org.envol.openflyers;

import org.envol.ledger.Account;

/**
 * A line of the balance file as the initial-balances screen shows it: the OpenFlyers account, its
 * mapping in the section (null: not mapped), the Envol account it stands for (null: unmapped or
 * ignored), and the opening entry already written for it (null: not initialised).
 */
public record BalanceAccount(BalanceLine line, AccountMapping mapping, Account account, Long openingEntryId) {

    public boolean initialised() {
        return openingEntryId != null;
    }

    public boolean ignored() {
        return mapping != null && mapping.ignored();
    }

    /** Mapped to a member account (411) of the section. */
    public boolean mappedToMember() {
        return account != null && account.code().startsWith(BalanceImport.MEMBER_PREFIX);
    }

    /** Whether the treasurer may tick it: mapped to a member account, not initialised, something to carry. */
    public boolean tickable() {
        return mappedToMember() && !initialised() && line.balanceCents() != 0;
    }
}
