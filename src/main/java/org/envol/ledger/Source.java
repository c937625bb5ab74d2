package org.envol.ledger;

/**
 * Where an entry comes from: a kind ("manual", "flight", "openflyers", "invoice"…) and the
 * source's own reference (flight id, flow number…). The pair is unique per section among the
 * entries that currently stand for a source.
 */
public record Source(String kind, String reference) {

    public static final String MANUAL = "manual";
    public static final String REVERSAL = "reversal";
    public static final int KIND_MAX = 30;
    public static final int REFERENCE_MAX = 100;

    public Source {
        if (kind == null || kind.isBlank() || reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a source needs a kind and a reference");
        }
    }
}
