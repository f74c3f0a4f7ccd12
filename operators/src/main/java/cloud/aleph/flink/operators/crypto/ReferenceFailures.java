package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.json.AlephJsonException;

/**
 * What an exception escaping a chain's checks means, following what the reference verifier of that
 * chain catches. The checks raise {@link IllegalArgumentException} where the reference raises
 * ValueError (a bad signature), {@link AlephJsonException} where it raises JSONDecodeError (also a
 * ValueError) and {@link VerifierInternalError} where it raises anything else; any other exception
 * is a defect here, and still gets a result so that the pipeline keeps running.
 */
enum ReferenceFailures {

    /** The reference catches every exception of the verifier and answers false: all are invalid. */
    CAUGHT_AS_INVALID {
        @Override
        SignatureResult verify(Checks checks, SignedPayload payload) {
            try {
                return checks.run(payload);
            } catch (IllegalArgumentException | AlephJsonException e) {
                return SignatureResult.invalid(e.getMessage());
            } catch (RuntimeException e) {
                return SignatureResult.invalid("signature verification error: " + e);
            }
        }
    },

    /** The reference catches ValueError only: any other exception is an unexpected error. */
    ONLY_VALUE_ERRORS_INVALID {
        @Override
        SignatureResult verify(Checks checks, SignedPayload payload) {
            try {
                return checks.run(payload);
            } catch (VerifierInternalError e) {
                return SignatureResult.unexpectedError(e.getMessage());
            } catch (IllegalArgumentException | AlephJsonException e) {
                return SignatureResult.invalid(e.getMessage());
            } catch (RuntimeException e) {
                return SignatureResult.unexpectedError("signature verification error: " + e);
            }
        }
    };

    /** The checks of one chain. */
    @FunctionalInterface
    interface Checks {
        SignatureResult run(SignedPayload payload) throws AlephJsonException;
    }

    /** Runs the checks and turns what escapes them into a result; never throws. */
    abstract SignatureResult verify(Checks checks, SignedPayload payload);
}
