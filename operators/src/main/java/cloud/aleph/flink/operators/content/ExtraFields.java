package cloud.aleph.flink.operators.content;

/** A pydantic model's {@code extra} setting: what happens to keys the model does not declare. */
enum ExtraFields {
    /** Undeclared keys fail validation ({@code extra="forbid"}). */
    FORBID,
    /** Undeclared keys are dropped (pydantic's default, and {@code extra="ignore"}). */
    IGNORE,
    /** Undeclared keys are kept ({@code extra="allow"}). */
    ALLOW
}
