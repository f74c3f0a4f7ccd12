package cloud.aleph.flink.operators.validation;

/** What {@link EnvelopeParser} makes of one envelope: a parsed message or a typed refusal. */
public sealed interface EnvelopeResult permits ParsedEnvelope, EnvelopeRejection {}
