package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One JSON object read as a pydantic model: typed accessors for its declared fields, each error
 * reported at the field's location ({@code content.resources.vcpus}), and the model's extra-field
 * policy checked by {@link #finish()} once every field has been declared by reading it.
 *
 * <p>Conventions follow pydantic: an absent field takes its default; an explicit JSON null is
 * only accepted by {@code Optional[...]} fields ({@code opt*} methods).
 */
final class ModelObject {

    private final ObjectNode node;
    private final String loc;
    private final ExtraFields extra;
    private final Set<String> declared = new HashSet<>();

    private ModelObject(ObjectNode node, String loc, ExtraFields extra) {
        this.node = node;
        this.loc = loc;
        this.extra = extra;
    }

    /** Models only accept JSON objects (a dict), whatever their fields. */
    static ModelObject of(JsonNode value, String loc, ExtraFields extra) throws ContentFormatException {
        if (value == null || !value.isObject()) {
            throw new ContentFormatException(loc + ": Input should be a valid dictionary or object");
        }
        return new ModelObject((ObjectNode) value, loc, extra);
    }

    String loc() {
        return loc;
    }

    String loc(String field) {
        return loc + "." + field;
    }

    /** Declares a field and returns its raw value; null when the key is absent. */
    JsonNode raw(String field) {
        declared.add(field);
        return node.get(field);
    }

    /** Declares a field; true when it is present with a value other than JSON null. */
    boolean has(String field) {
        return !LaxCoercion.isNone(raw(field));
    }

    private JsonNode required(String field) throws ContentFormatException {
        JsonNode value = raw(field);
        if (value == null) {
            throw new ContentFormatException(loc(field) + ": Field required");
        }
        return value;
    }

    String requiredStr(String field) throws ContentFormatException {
        return LaxCoercion.str(required(field), loc(field));
    }

    String requiredStr(String field, int maxLength) throws ContentFormatException {
        return LaxCoercion.str(required(field), loc(field), maxLength);
    }

    /** {@code Optional[str]}: null when absent or None. */
    String optStr(String field) throws ContentFormatException {
        JsonNode value = raw(field);
        return LaxCoercion.isNone(value) ? null : LaxCoercion.str(value, loc(field));
    }

    String optStr(String field, int maxLength) throws ContentFormatException {
        JsonNode value = raw(field);
        return LaxCoercion.isNone(value) ? null : LaxCoercion.str(value, loc(field), maxLength);
    }

    /** {@code str = default} (not Optional): absent takes the default, None is refused. */
    String strOrDefault(String field, String fallback, int maxLength) throws ContentFormatException {
        JsonNode value = raw(field);
        return value == null ? fallback : LaxCoercion.str(value, loc(field), maxLength);
    }

    double requiredFloat(String field) throws ContentFormatException {
        return LaxCoercion.toFloat(required(field), loc(field));
    }

    double requiredFloat(String field, double min, double max) throws ContentFormatException {
        return LaxCoercion.toFloat(required(field), loc(field), min, max);
    }

    boolean requiredBool(String field) throws ContentFormatException {
        return LaxCoercion.toBool(required(field), loc(field));
    }

    /** {@code bool = default}: absent takes the default, None is refused. */
    boolean boolOrDefault(String field, boolean fallback) throws ContentFormatException {
        JsonNode value = raw(field);
        return value == null ? fallback : LaxCoercion.toBool(value, loc(field));
    }

    /** {@code Optional[bool]}. */
    Boolean optBool(String field) throws ContentFormatException {
        JsonNode value = raw(field);
        return LaxCoercion.isNone(value) ? null : LaxCoercion.toBool(value, loc(field));
    }

    /** Lax {@code int = default} with inclusive bounds. */
    long intOrDefault(String field, long fallback, long min, long max) throws ContentFormatException {
        JsonNode value = raw(field);
        return value == null ? fallback : LaxCoercion.toInt(value, loc(field), min, max);
    }

    long requiredInt(String field, long min, long max) throws ContentFormatException {
        return LaxCoercion.toInt(required(field), loc(field), min, max);
    }

    /** Lax {@code int = default} without bounds. */
    BigInteger intOrDefault(String field, long fallback) throws ContentFormatException {
        JsonNode value = raw(field);
        return value == null ? BigInteger.valueOf(fallback) : LaxCoercion.toInt(value, loc(field));
    }

    /** Lax {@code Optional[int]} without bounds. */
    BigInteger optInt(String field) throws ContentFormatException {
        JsonNode value = raw(field);
        return LaxCoercion.isNone(value) ? null : LaxCoercion.toInt(value, loc(field));
    }

    /** {@code int} with {@code strict=True}, inclusive bounds. */
    long requiredStrictInt(String field, long min, long max) throws ContentFormatException {
        return LaxCoercion.toStrictInt(required(field), loc(field), min, max);
    }

    String requiredOneOf(String field, Set<String> allowed) throws ContentFormatException {
        return LaxCoercion.oneOf(required(field), loc(field), allowed);
    }

    /** {@code Optional[Enum]} / {@code Optional[Literal[...]]}. */
    String optOneOf(String field, Set<String> allowed) throws ContentFormatException {
        JsonNode value = raw(field);
        return LaxCoercion.isNone(value) ? null : LaxCoercion.oneOf(value, loc(field), allowed);
    }

    /** {@code Enum = default} (not Optional). */
    String oneOfOrDefault(String field, String fallback, Set<String> allowed) throws ContentFormatException {
        JsonNode value = raw(field);
        return value == null ? fallback : LaxCoercion.oneOf(value, loc(field), allowed);
    }

    String requiredItemHash(String field) throws ContentFormatException {
        return ItemHashField.require(required(field), loc(field));
    }

    String optItemHash(String field) throws ContentFormatException {
        JsonNode value = raw(field);
        return LaxCoercion.isNone(value) ? null : ItemHashField.require(value, loc(field));
    }

    /** A required nested model. */
    ModelObject requiredModel(String field, ExtraFields nestedExtra) throws ContentFormatException {
        return of(required(field), loc(field), nestedExtra);
    }

    /** An {@code Optional[Model]}: null when absent or None. */
    ModelObject optModel(String field, ExtraFields nestedExtra) throws ContentFormatException {
        JsonNode value = raw(field);
        return LaxCoercion.isNone(value) ? null : of(value, loc(field), nestedExtra);
    }

    /** A required {@code List[...]} with {@code max_length} (use Integer.MAX_VALUE for none). */
    List<JsonNode> requiredList(String field, int maxLength) throws ContentFormatException {
        return JsonCollections.list(required(field), loc(field), maxLength);
    }

    /** {@code List[...] = []} (not Optional): absent is empty, None is refused. */
    List<JsonNode> listOrEmpty(String field, int maxLength) throws ContentFormatException {
        JsonNode value = raw(field);
        return value == null ? List.of() : JsonCollections.list(value, loc(field), maxLength);
    }

    /** {@code Optional[List[...]]}: null when absent or None. */
    List<JsonNode> optList(String field, int maxLength) throws ContentFormatException {
        JsonNode value = raw(field);
        return LaxCoercion.isNone(value) ? null : JsonCollections.list(value, loc(field), maxLength);
    }

    /** {@code Optional[Dict[str, ...]]} with {@code max_length}: null when absent or None. */
    ObjectNode optDict(String field, int maxLength) throws ContentFormatException {
        JsonNode value = raw(field);
        return LaxCoercion.isNone(value) ? null : JsonCollections.dict(value, loc(field), maxLength);
    }

    ObjectNode requiredDict(String field) throws ContentFormatException {
        return JsonCollections.dict(required(field), loc(field), Integer.MAX_VALUE);
    }

    /** Keys of this object that no field declared. */
    List<String> undeclaredKeys() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!declared.contains(name)) {
                keys.add(name);
            }
        }
        return keys;
    }

    /** Applies the extra-field policy; call after every field has been read. */
    void finish() throws ContentFormatException {
        if (extra == ExtraFields.FORBID) {
            List<String> extras = undeclaredKeys();
            if (!extras.isEmpty()) {
                throw new ContentFormatException(loc(extras.get(0)) + ": Extra inputs are not permitted");
            }
        }
    }
}
