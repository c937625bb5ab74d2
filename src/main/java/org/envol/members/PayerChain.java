package org.envol.members;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Who pays for whom must never loop: A pays for B who pays for A would leave nobody paying. */
final class PayerChain {

    private PayerChain() {
    }

    /**
     * The loop that giving {@code member} this {@code payer} would close, from the member back to
     * the member ([A, B, A]); empty when there is none. {@code payerOf} is everyone else's payer.
     */
    static <K> List<K> cycle(K member, K payer, Function<K, K> payerOf) {
        List<K> chain = new ArrayList<>();
        chain.add(member);
        Set<K> seen = new HashSet<>();
        K p = payer;
        while (p != null && seen.add(p)) {
            chain.add(p);
            if (p.equals(member)) {
                return chain;
            }
            p = payerOf.apply(p);
        }
        return List.of();
    }
}
