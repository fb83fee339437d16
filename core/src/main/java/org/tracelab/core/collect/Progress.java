package org.tracelab.core.collect;

/** Where long work reports how far it is; the command line draws it, tests ignore it. */
public interface Progress {
    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void total(long units, String unit) {
        }

        @Override
        public void advance(long units) {
        }
    };

    /** Announces how much work there is, when known ({@code units < 0} when not). */
    void total(long units, String unit);

    /** Reports that {@code units} more are done. */
    void advance(long units);
}
