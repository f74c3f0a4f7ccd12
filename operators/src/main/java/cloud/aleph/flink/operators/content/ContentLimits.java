package cloud.aleph.flink.operators.content;

/**
 * Every numeric bound of the content schemas, declared once (aleph-message names in brackets).
 * Lengths count Unicode code points, as Python's {@code len(str)} does.
 */
public final class ContentLimits {

    /** Upper bound of {@code content.time}, year 2262 [MAX_CONTENT_TIME]. */
    public static final double MAX_CONTENT_TIME = 9_223_372_036.0;

    /** [MAX_CHANNEL_LENGTH], applies to {@code ChainRef.channel} inside a POST ref. */
    public static final int MAX_CHANNEL_LENGTH = 128;

    /** Entries of {@code FORGET.hashes} and of {@code FORGET.aggregates} [MAX_FORGET_TARGETS]. */
    public static final int MAX_FORGET_TARGETS = 1000;
    /** [MAX_FORGET_REASON_LENGTH] */
    public static final int MAX_FORGET_REASON_LENGTH = 1000;

    /** [MAX_METADATA_ENTRIES] */
    public static final int MAX_METADATA_ENTRIES = 256;
    /** [MAX_AUTHORIZED_KEYS] */
    public static final int MAX_AUTHORIZED_KEYS = 256;
    /** [MAX_AUTHORIZED_KEY_LENGTH] */
    public static final int MAX_AUTHORIZED_KEY_LENGTH = 8192;
    /** [MAX_VARIABLE_ENTRIES] */
    public static final int MAX_VARIABLE_ENTRIES = 256;
    /** [MAX_VARIABLE_KEY_LENGTH] */
    public static final int MAX_VARIABLE_KEY_LENGTH = 128;
    /** [MAX_VARIABLE_VALUE_LENGTH] */
    public static final int MAX_VARIABLE_VALUE_LENGTH = 4096;
    /** [MAX_VOLUMES] */
    public static final int MAX_VOLUMES = 256;
    /** [MAX_REPLACES_LENGTH] */
    public static final int MAX_REPLACES_LENGTH = 128;

    /** [MAX_VCPUS]; the minimum is 1. */
    public static final int MAX_VCPUS = 256;
    /** 1 TiB in MiB [MAX_MEMORY_MIB]; the minimum is 1. */
    public static final int MAX_MEMORY_MIB = 1024 * 1024;
    /** About ten years [MAX_SECONDS]; the minimum is 1. */
    public static final int MAX_SECONDS = 10 * 365 * 24 * 3600;
    public static final int DEFAULT_VCPUS = 1;
    public static final int DEFAULT_MEMORY_MIB = 128;
    public static final int DEFAULT_SECONDS = 1;
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;

    /** [MAX_ADDRESS_REGEX_LENGTH] */
    public static final int MAX_ADDRESS_REGEX_LENGTH = 256;
    /** Keys of one {@code on.message} subscription [MAX_SUBSCRIPTION_ENTRIES]. */
    public static final int MAX_SUBSCRIPTION_ENTRIES = 32;
    /** {@code comment}, {@code mount} and {@code name} of volumes [MAX_VOLUME_LABEL_LENGTH]. */
    public static final int MAX_VOLUME_LABEL_LENGTH = 256;
    /** Ephemeral volume size in MiB (1 GiB); the minimum is 1. */
    public static final int MAX_EPHEMERAL_VOLUME_MIB = 1000;
    /** Persistent volume and rootfs size: ceil(2048 * 10^9 / 2^20) MiB; the minimum is 1. */
    public static final int MAX_PERSISTENT_VOLUME_MIB = 1_953_125;

    /** V-PROGRAM runtime and verified-volume comments [MAX_RUNTIME_COMMENT_LENGTH]. */
    public static final int MAX_RUNTIME_COMMENT_LENGTH = 1024;
    /** [MAX_VERIFIED_VOLUMES] */
    public static final int MAX_VERIFIED_VOLUMES = 8;
    /** [MAX_MEASUREMENTS]; at least one is required. */
    public static final int MAX_MEASUREMENTS = 16;
    /** {@code LaunchMeasurement.digest} max_length. */
    public static final int MAX_DIGEST_LENGTH = 128;
    /** sev_snp launch digest: 48-byte SHA-384 in hex. */
    public static final int SEV_SNP_DIGEST_HEX_LENGTH = 96;
    /** [MAX_VCPU_TYPE_LENGTH] */
    public static final int MAX_VCPU_TYPE_LENGTH = 64;
    /** [DEFAULT_SNP_POLICY] */
    public static final long DEFAULT_SNP_POLICY = 0x30000L;
    /** Bit 17 of an SEV-SNP guest policy is reserved and must be set. */
    public static final long SNP_POLICY_RESERVED_BIT_17 = 1L << 17;

    /** Longest integer string pydantic parses (CPython's int max str digits). */
    public static final int MAX_INT_STRING_DIGITS = 4300;

    private ContentLimits() {}
}
