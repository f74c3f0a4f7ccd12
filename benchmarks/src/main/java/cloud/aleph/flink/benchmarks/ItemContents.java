package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.hash.ItemHashes;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** item_content bodies of a given size and their item_hash, as a POST message carries them. */
final class ItemContents {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";

    private ItemContents() {}

    /** A JSON-looking UTF-8 document of exactly {@code size} bytes. */
    static byte[] content(Random random, int size) {
        String head = "{\"type\":\"note\",\"time\":1718000000.0,\"content\":{\"body\":\"";
        String tail = "\"}}";
        if (size < head.length() + tail.length()) {
            throw new IllegalArgumentException("item_content of " + size + " bytes is too small");
        }
        StringBuilder body = new StringBuilder(size).append(head);
        while (body.length() < size - tail.length()) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return body.append(tail).toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The item_hash of inline content: hex SHA-256. */
    static String itemHash(byte[] content) {
        return ItemHashes.sha256Hex(content);
    }
}
