package org.envol.guided;

import java.util.List;

/**
 * How a member pays. It says whether a reference is required (the cheque's number, the
 * transfer's reference: it becomes the entry's voucher reference) and where the money may go:
 * cash into the cash box, the rest into a bank account or a « to be deposited » account (511).
 */
public enum PaymentMode {
    CHEQUE(true, "512", "511"),
    TRANSFER(true, "512"),
    CARD(false, "512", "511"),
    CASH(false, "530");

    private final boolean referenceRequired;
    private final List<String> treasuryPrefixes;

    PaymentMode(boolean referenceRequired, String... treasuryPrefixes) {
        this.referenceRequired = referenceRequired;
        this.treasuryPrefixes = List.of(treasuryPrefixes);
    }

    public boolean referenceRequired() {
        return referenceRequired;
    }

    public List<String> treasuryPrefixes() {
        return treasuryPrefixes;
    }

    /** The mode named by a form or a request; null when none or unknown (the service then says it is missing). */
    public static PaymentMode parse(String name) {
        if (name == null) {
            return null;
        }
        for (PaymentMode m : values()) {
            if (m.name().equalsIgnoreCase(name.strip())) {
                return m;
            }
        }
        return null;
    }
}
