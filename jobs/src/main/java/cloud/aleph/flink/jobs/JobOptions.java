package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.crypto.Secp256k1Recoveries;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options of the jobs themselves; the connectors' options live beside each connector. */
public final class JobOptions {

    public static final ConfigOption<String> CCN_ID = ConfigOptions.key("aleph.ccn.id")
            .stringType()
            .defaultValue("ccn-1")
            .withDescription("Identity of this Core Channel Node deployment. Names its Kafka consumer group and "
                    + "transactional ids, so two CCNs on one cluster never share them.");

    public static final ConfigOption<Integer> VERIFY_PARALLELISM = ConfigOptions.key("aleph.job.verify-parallelism")
            .intType()
            .defaultValue(2)
            .withDescription("Parallelism of signature verification, the CPU-heavy step.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL = ConfigOptions.key("aleph.job.checkpoint-interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(2))
            .withDescription("Checkpoint interval. Rejections reach Kafka consumers (read_committed), and statuses and "
                    + "state rows reach Cassandra, at each checkpoint.");

    public static final ConfigOption<Duration> STATUS_RETENTION = ConfigOptions.key("aleph.job.status-retention")
            .durationType()
            .defaultValue(Duration.ofDays(30))
            .withDescription("How long the status of an item_hash stays in keyed state after its last change. "
                    + "A duplicate arriving later is written again, idempotently.");

    public static final ConfigOption<Duration> MAX_WAIT = ConfigOptions.key("aleph.state.max-wait")
            .durationType()
            .defaultValue(Duration.ofSeconds(811))
            .withDescription("How long a message waits for a missing dependency (amend target, forget target, "
                    + "delegation, volume, content) before it is rejected with the code it waits on. The default is the "
                    + "longest the reference node retries: 10 retries backing off 1, 2, 4 ... 256, 300 s. A dependency that "
                    + "arrives later still gets the message processed: the state is a function of the messages received.");

    public static final ConfigOption<Duration> EVALUATION_DELAY = ConfigOptions.key("aleph.state.evaluation-delay")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("How long after a change an owner's state is recomputed; the changes of that interval "
                    + "share one evaluation.");

    public static final ConfigOption<String> SECP256K1 = ConfigOptions.key(Secp256k1Recoveries.CONFIG_KEY)
            .stringType()
            .defaultValue(Secp256k1Recoveries.DEFAULT)
            .withDescription("secp256k1 public-key recovery for EVM signatures: native (libsecp256k1, about 3.5x "
                    + "faster), bouncycastle (pure Java), or auto (native when the library loads, else Bouncy Castle).");

    public static final ConfigOption<String> CCN_PRIVATE_KEY = ConfigOptions.key("aleph.ccn.private-key")
            .stringType()
            .noDefaultValue()
            .withDescription("This CCN's node key: a secp256k1 private key in hex (also written secp256k1:<hex>), or "
                    + "ed25519:<64 hex digits> (an Ed25519 private key, the 32-byte seed). It signs the CCN's attestations "
                    + "and epoch digests; its identity (the EVM address of a secp256k1 key, ed25519:<public key hex> of an "
                    + "Ed25519 one) must be the one registered for the CCN in aleph.consensus.members. "
                    + "Pass it from a secret (ALEPH_CCN_PRIVATE_KEY), never in a file under version control.");

    public static final ConfigOption<String> CONSENSUS_MEMBERS = ConfigOptions.key("aleph.consensus.members")
            .stringType()
            .noDefaultValue()
            .withDescription("The CCNs whose attestations and digests count, with the identity of each CCN's node key: "
                    + "id=0xADDRESS for a secp256k1 key, id=ed25519:<64 hex digits of the public key> for an Ed25519 one; "
                    + "both may mix, e.g. ccn-1=0x...,ccn-2=ed25519:.... A CCN outside this set counts for nothing.");

    public static final ConfigOption<String> QUORUM = ConfigOptions.key("aleph.consensus.quorum")
            .stringType()
            .defaultValue("majority")
            .withDescription("How many CCNs must attest a message valid for it to be accepted: 'majority' (more than "
                    + "half of the members) or a number.");

    public static final ConfigOption<String> QUORUM_BY_TYPE = ConfigOptions.key("aleph.consensus.quorum-by-type")
            .stringType()
            .defaultValue("")
            .withDescription("Quorum per message type overriding aleph.consensus.quorum, e.g. STORE=3,PROGRAM=3.");

    public static final ConfigOption<Integer> EPOCH_SIZE = ConfigOptions.key("aleph.consensus.epoch-size")
            .intType()
            .defaultValue(100)
            .withDescription("Offsets per epoch of a raw-topic partition; every CCN signs a digest per epoch, and the "
                    + "messages of an epoch become final when a majority signed the same root.");

    public static final ConfigOption<Duration> VOTE_RETENTION = ConfigOptions.key("aleph.consensus.vote-retention")
            .durationType()
            .defaultValue(Duration.ofDays(7))
            .withDescription("How long the attestations of a record are kept after its last one; a CCN that comes back "
                    + "later than that attests records whose decision is already forgotten.");

    private JobOptions() {}
}
