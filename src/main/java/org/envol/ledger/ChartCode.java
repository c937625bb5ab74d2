package org.envol.ledger;

/** A code of the chart of accounts; its first digit is its class (1 capital … 8 contributions in kind). */
public record ChartCode(String code, String label, String chartVersion) {

    public int accountClass() {
        return code.charAt(0) - '0';
    }
}
