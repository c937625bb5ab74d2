package org.envol.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 chain of frozen entries. {@link #FROZEN_FIELDS} is the one list of what a frozen
 * entry holds for ever: the hash covers exactly these, and the database guard refuses any change
 * to a frozen row, so the two cannot drift.
 */
public final class HashChain {

    private HashChain() {
    }

    /** What freezing fixes, in the order hashed; each line adds its number, account, amount, label and analytic code. */
    public static final List<String> FROZEN_FIELDS = List.of("id", "section", "journal", "fiscal year", "date", "label",
            "voucher", "source kind", "source reference", "number", "frozen at", "chain position", "reversal of",
            "previous hash", "lines");

    public static final String GENESIS = "0".repeat(64);

    public static String hash(Entry e, long chainSeq, int number, java.time.Instant frozenAt, String previousHash) {
        StringBuilder b = new StringBuilder(256);
        field(b, "v1");
        field(b, e.id());
        field(b, e.sectionId());
        field(b, e.journalCode());
        field(b, e.fiscalYearId());
        field(b, e.date());
        field(b, e.label());
        field(b, e.voucherRef());
        field(b, e.source().kind());
        field(b, e.source().reference());
        field(b, number);
        field(b, frozenAt.toEpochMilli());
        field(b, chainSeq);
        field(b, e.reversalOf());
        field(b, previousHash);
        for (Line l : e.lines()) {
            field(b, l.lineNo());
            field(b, l.accountId());
            field(b, l.amountCents());
            field(b, l.label());
            field(b, l.analyticCode());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Recomputes a stored frozen entry's hash from its fields. */
    public static String recompute(Entry e) {
        return hash(e, e.chainSeq(), e.number(), e.frozenAt(), e.previousHash());
    }

    /** Length-prefixed, so that no label can imitate a field boundary. */
    private static void field(StringBuilder b, Object value) {
        String s = value == null ? "" : value.toString();
        b.append(value == null ? -1 : s.length()).append(':').append(s).append(';');
    }
}
