package org.envol.guided;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A guided entry as the user typed it: the date and amount as text ({@link GuidedEntries} reads
 * them with {@link org.envol.ledger.Money}'s rules), the chosen account per slot name, the
 * reference (cheque number, transfer reference, invoice…), an optional label (one is made up
 * when blank), the payment mode of a member payment, the other section of a transfer.
 */
public record GuidedRequest(GuidedKind kind, String date, String amount, Map<String, Long> accounts, String reference,
        String label, PaymentMode paymentMode, Long targetSectionId) {

    public GuidedRequest {
        accounts = accounts == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(accounts));
    }

    public Long account(String slot) {
        return accounts.get(slot);
    }
}
