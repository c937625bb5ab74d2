package org.envol.reports;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Rows read from the books a chunk at a time (a page of entries, a page of an account's lines)
 * while the report is written, so that a long journal never sits whole in memory. Each iteration
 * starts a new reading.
 */
final class LazyRows implements Iterable<Report.Row> {

    /** The chunks of one reading, in order; an empty chunk ends it. */
    interface Chunks {
        List<Report.Row> next();
    }

    private final Supplier<Chunks> reading;

    LazyRows(Supplier<Chunks> reading) {
        this.reading = reading;
    }

    @Override
    public Iterator<Report.Row> iterator() {
        Chunks chunks = reading.get();
        return new Iterator<>() {
            private List<Report.Row> chunk = List.of();
            private int at;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!done && at == chunk.size()) {
                    chunk = chunks.next();
                    at = 0;
                    done = chunk.isEmpty();
                }
                return !done;
            }

            @Override
            public Report.Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.get(at++);
            }
        };
    }
}
