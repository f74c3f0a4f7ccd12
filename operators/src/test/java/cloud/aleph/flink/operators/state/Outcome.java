package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.ErrorCode;

/**
 * Whether a message is valid (authorized, dependencies satisfied; forgets ignored) and, if not,
 * the code of the first failing rule and whether it waits (the code may still clear when other
 * messages arrive) or is rejected for good.
 */
record Outcome(boolean valid, ErrorCode code, boolean waiting) {

    static final Outcome VALID = new Outcome(true, null, false);

    static Outcome waitsFor(ErrorCode code) {
        return new Outcome(false, code, true);
    }

    static Outcome rejected(ErrorCode code) {
        return new Outcome(false, code, false);
    }
}
