package cloud.aleph.flink.operators.state;

import static cloud.aleph.flink.operators.state.StateMessages.aggregate;
import static cloud.aleph.flink.operators.state.StateMessages.aggregateNamed;
import static cloud.aleph.flink.operators.state.StateMessages.amend;
import static cloud.aleph.flink.operators.state.StateMessages.body;
import static cloud.aleph.flink.operators.state.StateMessages.delegate;
import static cloud.aleph.flink.operators.state.StateMessages.filter;
import static cloud.aleph.flink.operators.state.StateMessages.forget;
import static cloud.aleph.flink.operators.state.StateMessages.instance;
import static cloud.aleph.flink.operators.state.StateMessages.post;
import static cloud.aleph.flink.operators.state.StateMessages.program;
import static cloud.aleph.flink.operators.state.StateMessages.security;
import static cloud.aleph.flink.operators.state.StateMessages.store;
import static cloud.aleph.flink.operators.state.StateMessages.withAllowAmend;
import static cloud.aleph.flink.operators.state.StateMessages.withData;
import static cloud.aleph.flink.operators.state.StateMessages.withPersistentParent;
import static cloud.aleph.flink.operators.state.StateMessages.withReplaces;
import static cloud.aleph.flink.operators.state.StateMessages.withVolume;

import cloud.aleph.flink.operators.conformance.Fixtures;
import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.json.PythonJson;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.EthereumSigner;
import cloud.aleph.flink.operators.signing.MessageSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deterministic (seeded) set of really signed messages exercising every rule of the state
 * document, for convergence tests: the agreed state must not depend on the publishing order,
 * duplicates or relayed copies. Content times and envelope times are drawn independently, so the
 * envelope (arrival) order differs from the canonical order.
 *
 * <p>Per owner (10 Ethereum, 3 Solana): posts with amends earlier, equal, later and tied;
 * amends of amends, of missing originals and of other owners' posts; aggregates with out-of-order
 * and tied content times, several keys and the object-form key; STOREs without ref, with hash refs
 * (valid, missing, to a STORE that has a ref, to another owner's, to a waiting STORE) and free-form
 * refs; PROGRAMs and INSTANCEs on other owners' STOREs with updates, 300/301/302/303 cases;
 * FORGETs of every kind; delegations with every filter, revocation by FORGET and by a newer
 * security element. Then fixtures of the conformance data, bad input, non-inline messages, exact
 * duplicates and relayed copies (same signature, other envelope time; other channel only where no
 * rule reads it).
 *
 * <p>{@link #expected()} is what the generator meant for each message it built (status after
 * expiry, e.g. {@code processed}, {@code forgotten}, {@code rejected 301}): an expectation derived
 * from the construction, independently of the model. Envelopes come out in generation order; the
 * caller shuffles.
 */
public final class ConvergenceWorkload {

    public static final long DEFAULT_SEED = 20_240_611L;

    static final String PROCESSED = "processed";
    static final String FORGOTTEN = "forgotten";

    private static final int ETHEREUM_OWNERS = 10;
    private static final int SOLANA_OWNERS = 3;
    private static final String[] POST_TYPES = {"blog", "note", "chat"};
    private static final String[] CHANNELS = {"CH-A", "CH-B", "CH-C"};
    private static final String[] FIELDS = {"a", "b", "c", "d", "e"};
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    /** Conformance lines (1-based) added as they are: see the conformance README and ConformanceScenariosTest. */
    private static final int[] FIXTURE_LINES = {13, 17, 29, 30, 31, 32, 33, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48,
            50, 51, 52, 53, 54, 70, 71};

    private static final Map<Long, ConvergenceWorkload> GENERATED = new ConcurrentHashMap<>();

    private final Random random;
    private final List<String> envelopes = new ArrayList<>();
    private final Map<String, Integer> composition = new TreeMap<>();
    private final Map<String, String> expected = new TreeMap<>();
    /** Signed inline messages that may be relayed with another channel (no rule reads their channel). */
    private final List<String> channelFree = new ArrayList<>();
    /** All other signed inline messages (relayed with their own channel). */
    private final List<String> channelBound = new ArrayList<>();
    private final List<Owner> owners = new ArrayList<>();
    private int counter;

    /** What the generator keeps per owner to refer to later. */
    private static final class Owner {
        final int index;
        final MessageSigner signer;
        final String address;
        final double time0;
        final List<Post> originals = new ArrayList<>();
        final List<String> validAmends = new ArrayList<>();
        final List<String> rejectedAmends = new ArrayList<>();
        final Map<String, List<String>> elements = new LinkedHashMap<>();
        final List<String> plainStores = new ArrayList<>();
        final List<String> storeUpdates = new ArrayList<>();
        final List<String> waitingStores = new ArrayList<>();
        final Map<String, String> waitingStoreRefs = new HashMap<>();
        String program;
        String forgettableKey;

        Owner(int index, MessageSigner signer, double time0) {
            this.index = index;
            this.signer = signer;
            this.address = signer.address();
            this.time0 = time0;
        }
    }

    private record Post(String hash, String type, String channel, List<String> amends) {}

    private ConvergenceWorkload(long seed) {
        this.random = new Random(seed);
    }

    /** The workload of a seed (generated once per JVM: signing takes a few seconds). */
    public static ConvergenceWorkload generate(long seed) {
        return GENERATED.computeIfAbsent(seed, s -> new ConvergenceWorkload(s).build());
    }

    /** The raw envelopes, in generation order. */
    public List<String> envelopes() {
        return Collections.unmodifiableList(envelopes);
    }

    /** Number of envelopes per kind of case. */
    public Map<String, Integer> composition() {
        return Collections.unmodifiableMap(composition);
    }

    /** item_hash → status after expiry the generator built the message for. */
    public Map<String, String> expected() {
        return Collections.unmodifiableMap(expected);
    }

    private ConvergenceWorkload build() {
        for (int i = 0; i < ETHEREUM_OWNERS; i++) {
            owners.add(new Owner(i, DemoKeys.ethereum(200 + i), 1_690_000_000.0 + 100_000.0 * i));
        }
        for (int i = 0; i < SOLANA_OWNERS; i++) {
            owners.add(new Owner(ETHEREUM_OWNERS + i, DemoKeys.solana(200 + i), 1_691_000_000.0 + 100_000.0 * i));
        }
        for (Owner owner : owners) {
            posts(owner);
            aggregates(owner);
            stores(owner);
        }
        for (Owner owner : owners) {
            crossOwnerReferences(owner, other(owner, 1));
            vms(owner, other(owner, 1), other(owner, 2));
        }
        for (Owner owner : owners) {
            forgets(owner, other(owner, 1));
        }
        for (Owner owner : owners) {
            if (owner.index <= ETHEREUM_OWNERS) {
                delegations(owner);
            }
            if (owner.index < 4) {
                otherCaseOfTheOwner(owner);
            }
        }
        fixtures();
        badInput();
        copies();
        return this;
    }

    // ---------------------------------------------------------------- posts

    private void posts(Owner o) {
        for (int k = 0; k < 20; k++) {
            String type = POST_TYPES[random.nextInt(POST_TYPES.length)];
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            double ctime = o.time0 + 100 * k + random.nextInt(50) + (random.nextBoolean() ? 0.25 : 0);
            String hash = emit("POST original", MessageType.POST, post(o.address, ctime, type, body("title", "post " + k, "n", ++counter)),
                    o.signer, channel, PROCESSED, false);
            Post post = new Post(hash, type, channel, new ArrayList<>());
            o.originals.add(post);
            int amends = random.nextInt(5);
            double previous = Double.NaN;
            for (int a = 0; a < amends; a++) {
                int relation = random.nextInt(4);
                double amendTime;
                String kind;
                if (relation == 0) {
                    amendTime = ctime - 1 - random.nextInt(30);
                    kind = "POST amend, earlier than the original";
                } else if (relation == 1) {
                    amendTime = ctime;
                    kind = "POST amend, same time as the original";
                } else if (relation == 3 && !Double.isNaN(previous)) {
                    amendTime = previous;
                    kind = "POST amend, tied with another amend";
                } else {
                    amendTime = ctime + 1 + random.nextInt(30);
                    kind = "POST amend, later than the original";
                }
                previous = amendTime;
                String amend = emit(kind, MessageType.POST, amend(o.address, amendTime, hash, body("title", "amend", "n", ++counter)),
                        o.signer, CHANNELS[random.nextInt(CHANNELS.length)], PROCESSED, false);
                post.amends.add(amend);
                o.validAmends.add(amend);
            }
        }
        for (int k = 0; k < 3; k++) {
            String target = o.validAmends.get(random.nextInt(o.validAmends.size()));
            o.rejectedAmends.add(emit("POST amend of an amend (102)", MessageType.POST,
                    amend(o.address, o.time0 + 3000 + k, target, body("n", ++counter)), o.signer, "CH-A", "rejected 102", false));
        }
        String orphan = null;
        for (int k = 0; k < 3; k++) {
            orphan = emit("POST amend of a missing original (101)", MessageType.POST,
                    amend(o.address, o.time0 + 3100 + k, randomHex(), body("n", ++counter)), o.signer, "CH-A", "rejected 101", false);
            o.rejectedAmends.add(orphan);
        }
        emit("POST amend of an amend that is not valid (101)", MessageType.POST,
                amend(o.address, o.time0 + 3200, orphan, body("n", ++counter)), o.signer, "CH-A", "rejected 101", false);
        Post target = o.originals.get(0);
        ObjectNode chainRef = post(o.address, o.time0 + 3300, "amend", body("n", ++counter));
        ObjectNode ref = chainRef.putObject("ref");
        ref.put("chain", o.signer.chain().wire());
        ref.put("item_content", "{}");
        ref.put("item_hash", target.hash);
        ref.put("item_type", "inline");
        ref.put("sender", o.address);
        ref.put("signature", "0x00");
        ref.put("time", o.time0);
        ref.put("type", "POST");
        String chainRefAmend = emit("POST amend with a ChainRef object", MessageType.POST, chainRef, o.signer, "CH-A", PROCESSED, false);
        target.amends.add(chainRefAmend);
        o.validAmends.add(chainRefAmend);
    }

    // ---------------------------------------------------------------- aggregates

    private void aggregates(Owner o) {
        o.forgettableKey = ItemHashes.sha256Hex("forgettable key " + o.index);
        List<String> keys = List.of("profile", "settings", "prefs", o.forgettableKey);
        for (String key : keys) {
            int count = 3 + random.nextInt(6);
            double base = o.time0 + 5000 + 10 * keys.indexOf(key);
            for (int e = 0; e < count; e++) {
                // three possible times per key: many ties, broken by item_hash
                double ctime = base + random.nextInt(3);
                String hash = emit(key.equals(o.forgettableKey) ? "AGGREGATE element, hash-shaped key" : "AGGREGATE element",
                        MessageType.AGGREGATE, aggregate(o.address, ctime, key, randomBody()), o.signer,
                        CHANNELS[random.nextInt(CHANNELS.length)], PROCESSED, false);
                o.elements.computeIfAbsent(key, k -> new ArrayList<>()).add(hash);
            }
        }
        for (int e = 0; e < 3; e++) {
            emit("AGGREGATE element, object-form key", MessageType.AGGREGATE,
                    aggregateNamed(o.address, o.time0 + 5100 + random.nextInt(2), "profile", randomBody()), o.signer,
                    "CH-A", PROCESSED, false);
        }
    }

    private ObjectNode randomBody() {
        ObjectNode body = body("n", ++counter);
        int fields = 1 + random.nextInt(3);
        for (int f = 0; f < fields; f++) {
            String name = FIELDS[random.nextInt(FIELDS.length)];
            switch (random.nextInt(4)) {
                case 0 -> body.put(name, random.nextInt(100));
                case 1 -> body.put(name, "s" + random.nextInt(100));
                case 2 -> body.putNull(name);
                default -> body.set(name, body("x", random.nextInt(10), "y", random.nextBoolean()));
            }
        }
        return body;
    }

    // ---------------------------------------------------------------- stores

    private void stores(Owner o) {
        for (int k = 0; k < 6; k++) {
            o.plainStores.add(emit("STORE without ref", MessageType.STORE,
                    store(o.address, o.time0 + 6000 + random.nextInt(100), randomHex(), null), o.signer, "CH-S", PROCESSED, true));
        }
        for (int k = 0; k < 4; k++) {
            String target = o.plainStores.get(k % 2);
            o.storeUpdates.add(emit("STORE with a hash ref to a valid STORE", MessageType.STORE,
                    store(o.address, o.time0 + 5950 + random.nextInt(200), randomHex(), target), o.signer, "CH-S", PROCESSED, true));
        }
        for (int k = 0; k < 3; k++) {
            String ref = k < 2 ? randomHex() : randomCid();
            String hash = emit("STORE with a hash ref to a missing STORE (200)", MessageType.STORE,
                    store(o.address, o.time0 + 6200 + k, randomHex(), ref), o.signer, "CH-S", "rejected 200", true);
            o.waitingStores.add(hash);
            o.waitingStoreRefs.put(hash, ref);
        }
        emit("STORE with a hash ref to a waiting STORE (200)", MessageType.STORE,
                store(o.address, o.time0 + 6210, randomHex(), o.waitingStores.get(0)), o.signer, "CH-S", "rejected 200", true);
        for (int k = 0; k < 2; k++) {
            emit("STORE with a hash ref to a STORE that has a ref (201)", MessageType.STORE,
                    store(o.address, o.time0 + 6300 + k, randomHex(), o.storeUpdates.get(k)), o.signer, "CH-S", "rejected 201", true);
        }
        for (int k = 0; k < 5; k++) {
            String ref = k < 3 ? "avatar" : "docs/readme";
            // two of the avatars share their content time: the tie goes to the larger hash
            double ctime = o.time0 + 6400 + (k < 2 ? 0 : k);
            emit("STORE with a free-form ref", MessageType.STORE, store(o.address, ctime, randomHex(), ref), o.signer, "CH-S",
                    PROCESSED, true);
        }
    }

    // ---------------------------------------------------------------- references to another owner

    private void crossOwnerReferences(Owner o, Owner other) {
        emit("POST amend of another owner's post (101)", MessageType.POST,
                amend(o.address, o.time0 + 3400, other.originals.get(1).hash, body("n", ++counter)), o.signer, "CH-A",
                "rejected 101", false);
        emit("STORE with a hash ref to another owner's STORE (200)", MessageType.STORE,
                store(o.address, o.time0 + 6500, randomHex(), other.plainStores.get(2)), o.signer, "CH-S", "rejected 200", true);
    }

    // ---------------------------------------------------------------- VMs

    private void vms(Owner o, Owner other, Owner third) {
        String code = other.plainStores.get(2);
        String runtime = third.plainStores.get(3);
        String rootfs = other.plainStores.get(4);
        double t = o.time0 + 7000;
        String p1 = vm("PROGRAM original", MessageType.PROGRAM, program(o.address, t, code, runtime), o, PROCESSED);
        o.program = p1;
        String u1 = vm("PROGRAM update", MessageType.PROGRAM, withReplaces(program(o.address, t + 20 + random.nextInt(20), code, runtime), p1),
                o, PROCESSED);
        vm("PROGRAM update, earlier than its original", MessageType.PROGRAM,
                withReplaces(program(o.address, t - 5, code, runtime), p1), o, PROCESSED);
        String u3 = vm("PROGRAM update of an update (303)", MessageType.PROGRAM,
                withReplaces(program(o.address, t + 50, code, runtime), u1), o, "rejected 303");
        vm("PROGRAM update of a rejected update (300)", MessageType.PROGRAM,
                withReplaces(program(o.address, t + 60, code, runtime), u3), o, "rejected 300");
        String locked = vm("PROGRAM original, allow_amend false", MessageType.PROGRAM,
                withAllowAmend(program(o.address, t + 1, code, runtime), false), o, PROCESSED);
        vm("PROGRAM update of a locked original (302)", MessageType.PROGRAM,
                withReplaces(program(o.address, t + 30, code, runtime), locked), o, "rejected 302");
        vm("PROGRAM update of a missing VM (300)", MessageType.PROGRAM,
                withReplaces(program(o.address, t + 31, code, runtime), randomHex()), o, "rejected 300");
        vm("PROGRAM update of a POST (300)", MessageType.PROGRAM,
                withReplaces(program(o.address, t + 32, code, runtime), o.originals.get(2).hash), o, "rejected 300");
        String i1 = vm("INSTANCE original", MessageType.INSTANCE, instance(o.address, t + 2, rootfs), o, PROCESSED);
        vm("INSTANCE update", MessageType.INSTANCE, withReplaces(instance(o.address, t + 40, rootfs), i1), o, PROCESSED);
        vm("PROGRAM update of an INSTANCE", MessageType.PROGRAM, withReplaces(program(o.address, t + 41, code, runtime), i1), o,
                PROCESSED);
        vm("PROGRAM with a missing immutable volume (301)", MessageType.PROGRAM,
                withVolume(program(o.address, t + 3, code, runtime), randomHex(), false), o, "rejected 301");
        vm("PROGRAM with missing data (301)", MessageType.PROGRAM, withData(program(o.address, t + 4, code, runtime), randomHex()), o,
                "rejected 301");
        vm("PROGRAM with a missing code (301)", MessageType.PROGRAM, program(o.address, t + 5, randomHex(), runtime), o, "rejected 301");
        vm("INSTANCE with a missing rootfs (301)", MessageType.INSTANCE, instance(o.address, t + 6, randomHex()), o, "rejected 301");
        vm("INSTANCE with a missing persistent parent (301)", MessageType.INSTANCE,
                withPersistentParent(instance(o.address, t + 7, rootfs), randomHex()), o, "rejected 301");
        String waitingStore = other.waitingStores.get(0);
        String refOfWaitingStore = other.waitingStoreRefs.get(waitingStore);
        vm("PROGRAM whose use_latest volume is the ref of an accepted STORE", MessageType.PROGRAM,
                withVolume(program(o.address, t + 8, code, runtime), refOfWaitingStore, true), o, PROCESSED);
        vm("PROGRAM whose exact volume is only the ref of a STORE (301)", MessageType.PROGRAM,
                withVolume(program(o.address, t + 9, code, runtime), refOfWaitingStore, false), o, "rejected 301");
        vm("PROGRAM on a STORE that is not valid", MessageType.PROGRAM,
                withVolume(program(o.address, t + 10, code, runtime), waitingStore, false), o, PROCESSED);
        vm("PROGRAM on a forgotten STORE", MessageType.PROGRAM,
                withVolume(program(o.address, t + 11, code, runtime), other.plainStores.get(5), false), o, PROCESSED);
        vm("PROGRAM with data, persistent parent and volumes", MessageType.PROGRAM,
                withData(withPersistentParent(withVolume(program(o.address, t + 12, code, runtime), other.plainStores.get(0), true),
                        third.plainStores.get(1)), rootfs), o, PROCESSED);
    }

    private String vm(String kind, MessageType type, ObjectNode content, Owner o, String intent) {
        return emit(kind, type, content, o.signer, "CH-VM", intent, true);
    }

    // ---------------------------------------------------------------- forgets

    private void forgets(Owner o, Owner other) {
        double t = o.time0 + 8000;
        List<Post> withAmends = new ArrayList<>();
        List<Post> without = new ArrayList<>();
        for (Post post : o.originals.subList(3, o.originals.size())) {
            (post.amends.size() >= 2 ? withAmends : without).add(post);
        }
        Post forgottenPost = withAmends.get(0);
        String fPost = forgetting("FORGET of a post (cascades to its amends)", o, t, List.of(forgottenPost.hash), List.of());
        forgotten(forgottenPost.hash);
        forgottenPost.amends.forEach(this::forgotten);
        forgetting("FORGET of an amend whose post is also forgotten", o, t + 1, List.of(forgottenPost.amends.get(0)), List.of());
        Post amended = withAmends.get(1);
        String amendTarget = amended.amends.get(amended.amends.size() - 1);
        forgetting("FORGET of an amend", o, t + 2, List.of(amendTarget), List.of());
        forgotten(amendTarget);
        forgetting("FORGET of an aggregate key", o, t + 3, List.of(), List.of(o.forgettableKey));
        o.elements.get(o.forgettableKey).forEach(this::forgotten);
        String element = o.elements.get("settings").get(0);
        forgetting("FORGET of an aggregate element", o, t + 4, List.of(element), List.of());
        forgotten(element);
        forgetting("FORGET of a STORE", o, t + 5, List.of(o.plainStores.get(5)), List.of());
        forgotten(o.plainStores.get(5));
        forgetting("FORGET of a STORE that has updates", o, t + 6, List.of(o.plainStores.get(0)), List.of());
        forgotten(o.plainStores.get(0));
        emitForget("FORGET of a FORGET (502)", o, t + 7, List.of(fPost), List.of(), "rejected 502");
        emitForget("FORGET without target (500)", o, t + 8, List.of(), List.of(), "rejected 500");
        emitForget("FORGET of a missing hash (501)", o, t + 9, List.of(randomHex()), List.of(), "rejected 501");
        emitForget("FORGET of a missing aggregate key (501)", o, t + 10, List.of(), List.of(randomHex()), "rejected 501");
        Post twice = without.get(0);
        forgetting("FORGET, one of two of one target", o, t + 11, List.of(twice.hash), List.of());
        forgetting("FORGET, one of two of one target", o, t + 12, List.of(twice.hash), List.of());
        forgotten(twice.hash);
        twice.amends.forEach(this::forgotten);
        emitForget("FORGET of a rejected message (501)", o, t + 13, List.of(o.rejectedAmends.get(0)), List.of(), "rejected 501");
        emitForget("FORGET of another owner's post (501)", o, t + 14, List.of(other.originals.get(2).hash), List.of(), "rejected 501");
        emitForget("FORGET of a present and a missing hash (501)", o, t + 15, List.of(without.get(1).hash, randomHex()), List.of(),
                "rejected 501");
        String code = other.plainStores.get(2);
        String runtime = other.plainStores.get(3);
        String vm = vm("PROGRAM original, to be forgotten", MessageType.PROGRAM, program(o.address, t + 16, code, runtime), o, FORGOTTEN);
        vm("PROGRAM update of a VM to be forgotten", MessageType.PROGRAM,
                withReplaces(program(o.address, t + 17, code, runtime), vm), o, FORGOTTEN);
        forgetting("FORGET of a VM (cascades to its updates)", o, t + 18, List.of(vm), List.of());
    }

    private String forgetting(String kind, Owner o, double ctime, List<String> hashes, List<String> keys) {
        return emitForget(kind, o, ctime, hashes, keys, PROCESSED);
    }

    private String emitForget(String kind, Owner o, double ctime, List<String> hashes, List<String> keys, String intent) {
        return emit(kind, MessageType.FORGET, forget(o.address, ctime, hashes, keys), o.signer, "CH-F", intent, true);
    }

    private void forgotten(String hash) {
        expected.put(hash, FORGOTTEN);
    }

    // ---------------------------------------------------------------- delegations

    private void delegations(Owner o) {
        double t = o.time0 + 9000;
        int keyBase = 1000 + 20 * o.index;
        EthereumSigner all = DemoKeys.ethereum(keyBase);
        EthereumSigner blogger = DemoKeys.ethereum(keyBase + 1);
        EthereumSigner profiler = DemoKeys.ethereum(keyBase + 2);
        EthereumSigner channelled = DemoKeys.ethereum(keyBase + 3);
        EthereumSigner revokedByNewer = DemoKeys.ethereum(keyBase + 4);
        EthereumSigner revokedByForget = DemoKeys.ethereum(keyBase + 5);
        EthereumSigner stranger = DemoKeys.ethereum(keyBase + 6);
        byte[] multichainKey = cloud.aleph.flink.operators.hash.Digests.sha256(("workload multichain delegate " + o.index).getBytes(StandardCharsets.UTF_8));
        EthereumSigner onEth = new EthereumSigner(Chain.ETH, multichainKey);
        EthereumSigner onBsc = new EthereumSigner(Chain.BSC, multichainKey);

        ObjectNode chainEntry = delegate(onEth.address());
        chainEntry.put("chain", "ETH");
        List<ObjectNode> kept = List.of(
                delegate(all.address()),
                filter(filter(delegate(blogger.address()), "types", "POST"), "post_types", "blog"),
                filter(filter(delegate(profiler.address()), "types", "AGGREGATE"), "aggregate_keys", "profile"),
                filter(delegate(channelled.address()), "channels", "CH-A"),
                chainEntry);
        List<ObjectNode> first = new ArrayList<>(kept);
        first.add(delegate(revokedByNewer.address()));
        List<ObjectNode> third = new ArrayList<>(kept);
        third.add(delegate(revokedByForget.address()));
        emit("security element", MessageType.AGGREGATE, security(o.address, t, copies(first)), o.signer, "security", PROCESSED, false);
        emit("security element", MessageType.AGGREGATE, security(o.address, t + 1, copies(kept)), o.signer, "security", PROCESSED, false);
        String revocable = emit("security element", MessageType.AGGREGATE, security(o.address, t + 2, copies(third)), o.signer,
                "security", FORGOTTEN, false);
        emit("FORGET of a security element (revocation)", MessageType.FORGET, forget(o.address, t + 3, List.of(revocable), List.of()),
                o.signer, "security", PROCESSED, false);

        List<Post> blogs = o.originals.subList(3, o.originals.size()).stream()
                .filter(p -> p.type.equals("blog") && !FORGOTTEN.equals(expected.get(p.hash)))
                .toList();
        List<Post> notes = o.originals.subList(3, o.originals.size()).stream()
                .filter(p -> p.type.equals("note") && !FORGOTTEN.equals(expected.get(p.hash)))
                .toList();

        delegated("delegated POST, authorized", post(o.address, t + 10, "blog", body("n", ++counter)), all, "CH-B", PROCESSED);
        delegated("delegated AGGREGATE, authorized", aggregate(o.address, t + 11, "settings", randomBody()), all, "CH-B", PROCESSED);
        delegated("delegated STORE, authorized", store(o.address, t + 12, randomHex(), null), all, "CH-B", PROCESSED);
        Post deleted = o.originals.get(1);
        delegated("delegated FORGET of a post, authorized", forget(o.address, t + 13, List.of(deleted.hash), List.of()), all, "CH-B",
                PROCESSED, MessageType.FORGET);
        forgotten(deleted.hash);
        deleted.amends.forEach(this::forgotten);
        delegated("security element from a delegate (2)", security(o.address, t + 14, delegate(stranger.address())), all, "CH-B",
                "rejected 2");
        delegated("delegated FORGET of a security element (2)", forget(o.address, t + 15, List.of(revocable), List.of()), all, "CH-B",
                "rejected 2", MessageType.FORGET);

        delegated("delegated POST of an allowed post type", post(o.address, t + 20, "blog", body("n", ++counter)), blogger, "CH-C",
                PROCESSED);
        delegated("delegated POST of another post type (2)", post(o.address, t + 21, "note", body("n", ++counter)), blogger, "CH-C",
                "rejected 2");
        delegated("delegated AGGREGATE of a POST-only delegate (2)", aggregate(o.address, t + 22, "prefs", randomBody()), blogger,
                "CH-C", "rejected 2");
        if (!blogs.isEmpty()) {
            delegated("delegated amend of an allowed post type", amend(o.address, t + 23, blogs.get(0).hash, body("n", ++counter)),
                    blogger, "CH-C", PROCESSED);
        }
        if (!notes.isEmpty()) {
            delegated("delegated amend of another post type (2)", amend(o.address, t + 24, notes.get(0).hash, body("n", ++counter)),
                    blogger, "CH-C", "rejected 2");
        }
        delegated("delegated FORGET of an aggregate by a POST-only delegate (2)",
                forget(o.address, t + 25, List.of(o.elements.get("prefs").get(0)), List.of()), blogger, "CH-C", "rejected 2",
                MessageType.FORGET);

        delegated("delegated AGGREGATE of an allowed key", aggregate(o.address, t + 30, "profile", randomBody()), profiler, "CH-C",
                PROCESSED);
        delegated("delegated AGGREGATE of another key (2)", aggregate(o.address, t + 31, "prefs", randomBody()), profiler, "CH-C",
                "rejected 2");
        delegated("delegated POST of an AGGREGATE-only delegate (2)", post(o.address, t + 32, "blog", body("n", ++counter)), profiler,
                "CH-C", "rejected 2");

        delegated("delegated POST in an allowed channel", post(o.address, t + 40, "chat", body("n", ++counter)), channelled, "CH-A",
                PROCESSED);
        delegated("delegated POST in another channel (2)", post(o.address, t + 41, "chat", body("n", ++counter)), channelled, "CH-B",
                "rejected 2");

        delegated("delegated POST on the allowed chain", post(o.address, t + 50, "chat", body("n", ++counter)), onEth, "CH-B",
                PROCESSED);
        delegated("delegated POST on another chain (2)", post(o.address, t + 51, "chat", body("n", ++counter)), onBsc, "CH-B",
                "rejected 2");

        delegated("delegated POST revoked by a newer security element (2)", post(o.address, t + 60, "chat", body("n", ++counter)),
                revokedByNewer, "CH-B", "rejected 2");
        delegated("delegated POST revoked by a FORGET (2)", post(o.address, t + 61, "chat", body("n", ++counter)), revokedByForget,
                "CH-B", "rejected 2");
        delegated("POST from an unlisted sender (2)", post(o.address, t + 62, "chat", body("n", ++counter)), stranger, "CH-B",
                "rejected 2");
    }

    private String delegated(String kind, ObjectNode content, MessageSigner signer, String channel, String intent) {
        MessageType type = content.has("key") ? MessageType.AGGREGATE : content.has("item_hash") ? MessageType.STORE : MessageType.POST;
        return delegated(kind, content, signer, channel, intent, type);
    }

    private String delegated(String kind, ObjectNode content, MessageSigner signer, String channel, String intent, MessageType type) {
        return emit(kind, type, content, signer, channel, intent, false);
    }

    private static ObjectNode[] copies(List<ObjectNode> entries) {
        return entries.stream().map(ObjectNode::deepCopy).toArray(ObjectNode[]::new);
    }

    /** The owner's key writing with its address lower-cased: authorized, and another owner string. */
    private void otherCaseOfTheOwner(Owner o) {
        String lower = Ascii.lower(o.address);
        emit("POST with the owner address in another case", MessageType.POST, post(lower, o.time0 + 9500, "blog", body("n", ++counter)),
                o.signer, "CH-A", PROCESSED, false);
        emit("AGGREGATE with the owner address in another case", MessageType.AGGREGATE,
                aggregate(lower, o.time0 + 9501, "profile", randomBody()), o.signer, "CH-A", PROCESSED, false);
    }

    // ---------------------------------------------------------------- fixtures, bad input, copies

    private void fixtures() {
        List<String> lines = Fixtures.fixtureLines();
        for (int line : FIXTURE_LINES) {
            add("conformance fixture", lines.get(line - 1));
        }
    }

    private void badInput() {
        List<String> signed = new ArrayList<>(channelBound);
        for (int k = 0; k < 8; k++) {
            String envelope = pick(signed);
            add("bad input: truncated JSON", envelope.substring(0, envelope.length() / 2));
        }
        for (int k = 0; k < 6; k++) {
            add("bad input: edited item_content of a valid message (hash mismatch)", edited(pick(signed)));
        }
        for (int k = 0; k < 6; k++) {
            String envelope = pick(signed);
            String other = pick(signed);
            while (other.equals(envelope)) {
                other = pick(signed);
            }
            ObjectNode copy = parsed(envelope);
            copy.put("signature", parsed(other).get("signature").textValue());
            add("bad input: another message's signature on a valid message", PythonJson.spaced(copy));
        }
        Owner o = owners.get(0);
        for (int k = 0; k < 3; k++) {
            StateMessages.Signed unpublished = StateMessages.sign(MessageType.POST,
                    post(o.address, o.time0 + 9900 + k, "blog", body("n", ++counter)), o.signer, "CH-A", envelopeTime());
            addExpected("bad input: hash mismatch only", edited(unpublished.envelope()), unpublished.hash(), "rejected 0");
            StateMessages.Signed other = StateMessages.sign(MessageType.POST,
                    post(o.address, o.time0 + 9910 + k, "blog", body("n", ++counter)), o.signer, "CH-A", envelopeTime());
            ObjectNode unsigned = parsed(other.envelope());
            unsigned.remove("signature");
            addExpected("bad input: missing signature only", PythonJson.spaced(unsigned), other.hash(), "rejected 1");
            StateMessages.Signed third = StateMessages.sign(MessageType.POST,
                    post(o.address, o.time0 + 9920 + k, "blog", body("n", ++counter)), o.signer, "CH-A", envelopeTime());
            ObjectNode unknownChain = parsed(third.envelope());
            unknownChain.put("chain", "NOT-A-CHAIN");
            addExpected("bad input: unknown chain only", PythonJson.spaced(unknownChain), third.hash(), "rejected 0");
            ObjectNode listContent = StateMessages.base(o.address, o.time0 + 9930 + k);
            listContent.put("key", "k");
            listContent.putArray("content").add(k);
            StateMessages.Signed schema = StateMessages.sign(MessageType.AGGREGATE, listContent, o.signer, "CH-A", envelopeTime());
            addExpected("bad input: content schema error", schema.envelope(), schema.hash(), "rejected 0");
        }
        MessageType[] types = {MessageType.POST, MessageType.AGGREGATE, MessageType.STORE, MessageType.FORGET, MessageType.PROGRAM,
                MessageType.POST};
        for (int k = 0; k < types.length; k++) {
            Owner sender = owners.get(k % owners.size());
            StateMessages.Signed message = StateMessages.signNonInline(types[k], randomHex(), sender.signer, "CH-X", envelopeTime());
            addExpected("non-inline message (3)", message.envelope(), message.hash(), "rejected 3");
        }
    }

    /** Exact duplicates and relayed copies of signed messages. */
    private void copies() {
        int duplicates = envelopes.size() / 15;
        List<String> all = new ArrayList<>(channelBound);
        all.addAll(channelFree);
        for (int k = 0; k < duplicates; k++) {
            add("exact duplicate", pick(all));
        }
        for (int k = 0; k < duplicates / 2; k++) {
            String envelope = pick(channelBound);
            add("relayed copy, other envelope time", StateMessages.relayed(envelope, envelopeTime(), channelOf(envelope)));
        }
        for (int k = 0; k < duplicates / 2; k++) {
            add("relayed copy, other envelope time and channel",
                    StateMessages.relayed(pick(channelFree), envelopeTime(), "RELAY-" + random.nextInt(3)));
        }
    }

    // ---------------------------------------------------------------- plumbing

    private String emit(String kind, MessageType type, ObjectNode content, MessageSigner signer, String channel, String intent,
            boolean channelFreeCopy) {
        StateMessages.Signed signed = StateMessages.sign(type, content, signer, channel, envelopeTime());
        if (expected.containsKey(signed.hash())) {
            throw new IllegalStateException("two generated messages share a hash: " + kind);
        }
        add(kind, signed.envelope());
        expected.put(signed.hash(), intent);
        (channelFreeCopy ? channelFree : channelBound).add(signed.envelope());
        return signed.hash();
    }

    private void addExpected(String kind, String envelope, String hash, String intent) {
        add(kind, envelope);
        expected.put(hash, intent);
    }

    private void add(String kind, String envelope) {
        envelopes.add(envelope);
        composition.merge(kind, 1, Integer::sum);
    }

    /** Envelope times are independent of content times, so arrival order is not canonical order. */
    private double envelopeTime() {
        return 1_700_000_000.0 + random.nextInt(5_000_000) + random.nextInt(1000) / 1000.0;
    }

    private Owner other(Owner o, int step) {
        return owners.get((o.index + step) % owners.size());
    }

    private String randomHex() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Hex.encode(bytes);
    }

    private String randomCid() {
        StringBuilder cid = new StringBuilder("Qm");
        while (cid.length() < 46) {
            cid.append(BASE58.charAt(random.nextInt(BASE58.length())));
        }
        return cid.toString();
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** The envelope with a space added to its item_content: still JSON, no longer the signed hash. */
    private static String edited(String envelope) {
        ObjectNode copy = parsed(envelope);
        copy.put("item_content", copy.get("item_content").textValue() + " ");
        return PythonJson.spaced(copy);
    }

    private static ObjectNode parsed(String envelope) {
        return (ObjectNode) StateMessages.parse(envelope);
    }

    private static String channelOf(String envelope) {
        JsonNode channel = StateMessages.parse(envelope).get("channel");
        return channel == null || channel.isNull() ? null : channel.textValue();
    }
}
