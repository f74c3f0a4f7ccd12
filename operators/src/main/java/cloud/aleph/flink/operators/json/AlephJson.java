package cloud.aleph.flink.operators.json;

import cloud.aleph.flink.operators.text.StrictUtf8;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JSON parsing with the dialects of the reference node (spec §1.2).
 *
 * <p>{@link #parse} follows orjson 3.8, which pyaleph uses for envelopes and {@code item_content}:
 * duplicate keys keep the last value (at the first key's position, like a Python dict), NaN and
 * Infinity are refused, lone surrogates are refused, integers outside [−2^63, 2^64−1] become
 * floats and a number that overflows a double is refused, a byte order mark is refused.
 *
 * <p>{@link #parsePythonStdlib} follows Python's {@code json.loads}, which the chain verifiers use
 * for signature documents: NaN/Infinity and lone surrogates are accepted and integers stay exact.
 *
 * <p>Trees are built iteratively, so deep nesting cannot overflow the stack; depth is still capped
 * at {@link #MAX_NESTING_DEPTH} because later consumers of the tree recurse (orjson itself has no
 * cap — a deliberate, documented difference). Jackson's other default limits stay: numbers longer
 * than 1000 characters are refused (an integer that long would be infinite for orjson anyway) and
 * so are strings longer than 20,000,000 characters. {@link #mapper()} is for writing only: reading
 * through it would skip these rules. Thread-safe.
 */
public final class AlephJson {

    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_NESTING_DEPTH = 1000;

    private static final BigInteger MIN_INTEGER = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_INTEGER = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static final StreamReadConstraints CONSTRAINTS =
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build();
    private static final JsonFactory ORJSON_FACTORY =
            JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    private static final JsonFactory STDLIB_FACTORY = JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(ORJSON_FACTORY);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AlephJson() {}

    /** Shared mapper for writing trees (its factory is the orjson-dialect one). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonNodeFactory nodes() {
        return NODES;
    }

    /** Parses text with the orjson dialect. */
    public static JsonNode parse(String text) throws AlephJsonException {
        return build(ORJSON_FACTORY, text, true);
    }

    /** Decodes strict UTF-8, then parses with the orjson dialect. */
    public static JsonNode parse(byte[] utf8) throws AlephJsonException {
        return parse(decodeUtf8(utf8));
    }

    /** Parses text as Python's standard {@code json.loads} does. */
    public static JsonNode parsePythonStdlib(String text) throws AlephJsonException {
        return build(STDLIB_FACTORY, text, false);
    }

    /**
     * Strict UTF-8 decoding: malformed sequences and UTF-8-encoded surrogates are refused, as
     * orjson refuses them.
     */
    public static String decodeUtf8(byte[] utf8) throws AlephJsonException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AlephJsonException("str is not valid UTF-8");
        }
    }

    private static JsonNode build(JsonFactory factory, String text, boolean orjson) throws AlephJsonException {
        if (orjson && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
            throw new AlephJsonException("byte order mark (BOM) is not supported");
        }
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new AlephJsonException("input data is empty");
            }
            Deque<ContainerNode<?>> open = new ArrayDeque<>();
            JsonNode root = null;
            String field = null;
            while (token != null) {
                JsonNode value = null;
                switch (token) {
                    case START_OBJECT:
                        value = NODES.objectNode();
                        break;
                    case START_ARRAY:
                        value = NODES.arrayNode();
                        break;
                    case END_OBJECT:
                    case END_ARRAY:
                        open.pop();
                        break;
                    case FIELD_NAME:
                        field = checkedText(parser.currentName(), orjson);
                        break;
                    case VALUE_STRING:
                        value = NODES.textNode(checkedText(parser.getText(), orjson));
                        break;
                    case VALUE_NUMBER_INT:
                        value = integer(parser, orjson);
                        break;
                    case VALUE_NUMBER_FLOAT:
                        value = floating(parser, orjson);
                        break;
                    case VALUE_TRUE:
                        value = NODES.booleanNode(true);
                        break;
                    case VALUE_FALSE:
                        value = NODES.booleanNode(false);
                        break;
                    case VALUE_NULL:
                        value = NODES.nullNode();
                        break;
                    default:
                        throw new AlephJsonException("unexpected token " + token);
                }
                if (value != null) {
                    ContainerNode<?> parent = open.peek();
                    if (parent == null) {
                        root = value;
                    } else if (parent instanceof ObjectNode) {
                        // A repeated key keeps its first position and takes the last value, as a Python dict.
                        ((ObjectNode) parent).set(field, value);
                    } else {
                        ((ArrayNode) parent).add(value);
                    }
                    if (value.isContainerNode()) {
                        open.push((ContainerNode<?>) value);
                    }
                }
                if (open.isEmpty() && root != null) {
                    break;
                }
                token = parser.nextToken();
            }
            if (parser.nextToken() != null) {
                throw new AlephJsonException("unexpected content after document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new AlephJsonException(e.getOriginalMessage());
        } catch (IOException e) {
            // Parsing a String does no I/O; Jackson still declares it.
            throw new AlephJsonException(String.valueOf(e.getMessage()));
        }
    }

    private static JsonNode integer(JsonParser parser, boolean orjson) throws IOException, AlephJsonException {
        switch (parser.getNumberType()) {
            case INT:
                return NODES.numberNode(parser.getIntValue());
            case LONG:
                return NODES.numberNode(parser.getLongValue());
            default:
                BigInteger value = parser.getBigIntegerValue();
                if (!orjson || (value.compareTo(MIN_INTEGER) >= 0 && value.compareTo(MAX_INTEGER) <= 0)) {
                    return NODES.numberNode(value);
                }
                double asDouble = value.doubleValue();
                if (Double.isInfinite(asDouble)) {
                    throw new AlephJsonException("number is infinity when parsed as double");
                }
                return NODES.numberNode(asDouble);
        }
    }

    private static JsonNode floating(JsonParser parser, boolean orjson) throws IOException, AlephJsonException {
        double value = parser.getDoubleValue();
        if (orjson && Double.isInfinite(value)) {
            throw new AlephJsonException("number is infinity when parsed as double");
        }
        return NODES.numberNode(value);
    }

    private static String checkedText(String text, boolean orjson) throws AlephJsonException {
        if (orjson) {
            int unpaired = StrictUtf8.firstLoneSurrogate(text);
            if (unpaired >= 0) {
                throw new AlephJsonException("lone surrogate in string at index " + unpaired);
            }
        }
        return text;
    }
}
