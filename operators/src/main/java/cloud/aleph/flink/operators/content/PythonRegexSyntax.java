package cloud.aleph.flink.operators.content;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a pattern compiles with Python's {@code re} (CPython 3.12, the reference's runtime), for
 * {@code requirements.node.address_regex}. Java's {@link java.util.regex.Pattern} is not a
 * substitute: it refuses valid Python patterns ({@code (?P<n>x)}, {@code x{,3}}, {@code [[]},
 * {@code (?#c)}, {@code (?(1)a|b)}) and accepts invalid ones ({@code \z}, {@code \p{L}},
 * {@code (?<n>x)}, {@code (?<=a|bc)}, {@code (a)\2}, {@code a(?i)}).
 *
 * <p>This is a syntax checker written from the behaviour of CPython's {@code re._parser} and the
 * two errors its compiler adds (variable-width look-behind, repeats under the TEMPLATE flag). It
 * builds no matcher. Known approximations: {@code \N{name}} is resolved with Java's character
 * names (no Unicode aliases), and identifiers use Java's Unicode identifier tables. Conditional
 * group numbers must be ASCII digits (3.12; 3.11 only warned).
 */
final class PythonRegexSyntax {

    private static final long MAXREPEAT = 4_294_967_295L;
    private static final BigInteger MAXWIDTH = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MAXCODE = BigInteger.valueOf(4_294_967_295L);
    private static final int MAXGROUPS = 1_073_741_823;

    private static final int FLAG_VERBOSE = 64;
    private static final int FLAG_TEMPLATE = 1;
    private static final int FLAG_ASCII = 256;
    private static final int FLAG_UNICODE = 32;
    private static final int FLAG_LOCALE = 4;
    private static final int TYPE_FLAGS = FLAG_ASCII | FLAG_LOCALE | FLAG_UNICODE;
    private static final int GLOBAL_FLAGS = 128 /* DEBUG */ | FLAG_TEMPLATE;
    private static final Map<String, Integer> FLAGS = Map.of(
            "i", 2, "L", FLAG_LOCALE, "m", 8, "s", 16, "x", FLAG_VERBOSE, "a", FLAG_ASCII, "t", FLAG_TEMPLATE,
            "u", FLAG_UNICODE);

    private static final String SPECIAL_CHARS = ".\\[{()*+?^$|";
    private static final String WHITESPACE = " \t\n\r\u000b\f";

    private PythonRegexSyntax() {}

    /** @return null when Python compiles the pattern, else the error Python would report */
    static String compileError(String pattern) {
        try {
            new Parser(pattern).parse();
            return null;
        } catch (RegexError e) {
            return e.getMessage();
        }
    }

    private static final class RegexError extends Exception {
        private static final long serialVersionUID = 1L;

        RegexError(String message) {
            super(message, null, false, false);
        }
    }

    private enum Op {
        UNIT, AT, REPEAT, SUBPATTERN, ATOMIC, GROUPREF, ASSERT, BRANCH, GROUPREF_EXISTS
    }

    /** One parsed item with what width computation needs. */
    private static final class Node {
        final Op op;
        final Seq inner;
        final List<Seq> branches;
        final long min;
        final long max;
        final int group;
        final boolean lookbehind;
        final Seq no;

        Node(Op op, Seq inner, List<Seq> branches, long min, long max, int group, boolean lookbehind, Seq no) {
            this.op = op;
            this.inner = inner;
            this.branches = branches;
            this.min = min;
            this.max = max;
            this.group = group;
            this.lookbehind = lookbehind;
            this.no = no;
        }

        static Node simple(Op op) {
            return new Node(op, null, null, 0, 0, 0, false, null);
        }
    }

    /** A SubPattern: a sequence of items with a cached width. */
    private static final class Seq {
        final List<Node> items = new ArrayList<>();
        BigInteger[] width;
    }

    private static final class Parser {
        private final int[] cps;
        private int index;
        private String next;
        private int flags;
        private final List<BigInteger[]> groupWidths = new ArrayList<>();
        private final Map<String, Integer> groupNames = new HashMap<>();
        private final Set<Integer> conditionalRefs = new HashSet<>();
        private Integer lookbehindGroups;
        private final List<Node> lookbehinds = new ArrayList<>();
        private boolean hasRepeat;

        Parser(String pattern) throws RegexError {
            this.cps = pattern.codePoints().toArray();
            groupWidths.add(null);
            advance();
        }

        // --- tokenizer: one code point, or a backslash with the next one

        private void advance() throws RegexError {
            if (index >= cps.length) {
                next = null;
                return;
            }
            int cp = cps[index];
            if (cp == '\\') {
                if (index + 1 >= cps.length) {
                    throw new RegexError("bad escape (end of pattern)");
                }
                next = new String(cps, index, 2);
                index += 2;
            } else {
                next = new String(cps, index, 1);
                index += 1;
            }
        }

        private boolean match(String token) throws RegexError {
            if (token.equals(next)) {
                advance();
                return true;
            }
            return false;
        }

        private String get() throws RegexError {
            String token = next;
            advance();
            return token;
        }

        private int tell() {
            return index - (next == null ? 0 : next.codePointCount(0, next.length()));
        }

        private void seek(int position) throws RegexError {
            index = position;
            advance();
        }

        private String getWhile(int n, String charset) throws RegexError {
            StringBuilder result = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (next == null || next.length() != 1 || charset.indexOf(next.charAt(0)) < 0) {
                    break;
                }
                result.append(next);
                advance();
            }
            return result.toString();
        }

        private String getUntil(String terminator, String name) throws RegexError {
            StringBuilder result = new StringBuilder();
            while (true) {
                String c = next;
                advance();
                if (c == null) {
                    throw new RegexError(result.length() == 0 ? "missing " + name
                            : "missing " + terminator + ", unterminated name");
                }
                if (c.equals(terminator)) {
                    if (result.length() == 0) {
                        throw new RegexError("missing " + name);
                    }
                    return result.toString();
                }
                result.append(c);
            }
        }

        // --- grammar

        void parse() throws RegexError {
            Seq root = parseSub((flags & FLAG_VERBOSE) != 0, 0);
            if ((flags & FLAG_LOCALE) != 0) {
                throw new RegexError("cannot use LOCALE flag with a str pattern");
            }
            if ((flags & FLAG_ASCII) != 0 && (flags & FLAG_UNICODE) != 0) {
                throw new RegexError("ASCII and UNICODE flags are incompatible");
            }
            if (next != null) {
                throw new RegexError("unbalanced parenthesis");
            }
            for (int group : conditionalRefs) {
                if (group >= groupWidths.size()) {
                    throw new RegexError("invalid group reference " + group);
                }
            }
            // what the compiler adds
            if ((flags & FLAG_TEMPLATE) != 0 && hasRepeat) {
                throw new RegexError("internal: unsupported template operator MAX_REPEAT");
            }
            for (Node lookbehind : lookbehinds) {
                BigInteger[] width = width(lookbehind.inner);
                if (width[0].compareTo(MAXCODE) > 0) {
                    throw new RegexError("looks too much behind");
                }
                if (!width[0].equals(width[1])) {
                    throw new RegexError("look-behind requires fixed-width pattern");
                }
            }
            width(root);
        }

        private Seq parseSub(boolean verbose, int nested) throws RegexError {
            List<Seq> items = new ArrayList<>();
            while (true) {
                items.add(parseSeq(verbose, nested + 1, nested == 0 && items.isEmpty()));
                if (!match("|")) {
                    break;
                }
                if (nested == 0) {
                    verbose = (flags & FLAG_VERBOSE) != 0;
                }
            }
            if (items.size() == 1) {
                return items.get(0);
            }
            Seq alternation = new Seq();
            alternation.items.add(new Node(Op.BRANCH, null, items, 0, 0, 0, false, null));
            return alternation;
        }

        private Seq parseSeq(boolean verbose, int nested, boolean first) throws RegexError {
            Seq seq = new Seq();
            List<Node> items = seq.items;
            while (true) {
                String token = next;
                if (token == null || token.equals("|") || token.equals(")")) {
                    break;
                }
                advance();
                if (verbose) {
                    if (token.length() == 1 && WHITESPACE.indexOf(token.charAt(0)) >= 0) {
                        continue;
                    }
                    if (token.equals("#")) {
                        while (true) {
                            String skipped = get();
                            if (skipped == null || skipped.equals("\n")) {
                                break;
                            }
                        }
                        continue;
                    }
                }
                if (token.charAt(0) == '\\') {
                    items.add(escape(token));
                } else if (!isSpecial(token)) {
                    items.add(Node.simple(Op.UNIT));
                } else if (token.equals("[")) {
                    characterClass();
                    items.add(Node.simple(Op.UNIT));
                } else if ("*+?{".contains(token)) {
                    if (!repeat(token, items)) {
                        items.add(Node.simple(Op.UNIT));
                    }
                } else if (token.equals(".")) {
                    items.add(Node.simple(Op.UNIT));
                } else if (token.equals("(")) {
                    verbose = group(items, verbose, nested, first);
                } else {
                    // ^ and $
                    items.add(Node.simple(Op.AT));
                }
            }
            return seq;
        }

        private static boolean isSpecial(String token) {
            return token.length() == 1 && SPECIAL_CHARS.indexOf(token.charAt(0)) >= 0;
        }

        /** @return false when a '{' is not a quantifier (it is then a literal) */
        private boolean repeat(String token, List<Node> items) throws RegexError {
            int here = tell();
            long min;
            long max;
            switch (token) {
                case "?" -> {
                    min = 0;
                    max = 1;
                }
                case "*" -> {
                    min = 0;
                    max = MAXREPEAT;
                }
                case "+" -> {
                    min = 1;
                    max = MAXREPEAT;
                }
                default -> {
                    if ("}".equals(next)) {
                        return false;
                    }
                    String lo = digits();
                    String hi;
                    if (match(",")) {
                        hi = digits();
                    } else {
                        hi = lo;
                    }
                    if (!match("}")) {
                        seek(here);
                        return false;
                    }
                    min = 0;
                    max = MAXREPEAT;
                    if (!lo.isEmpty()) {
                        min = repeatCount(lo);
                    }
                    if (!hi.isEmpty()) {
                        max = repeatCount(hi);
                        if (max < min) {
                            throw new RegexError("min repeat greater than max repeat");
                        }
                    }
                }
            }
            Node last = items.isEmpty() ? null : items.get(items.size() - 1);
            if (last == null || last.op == Op.AT) {
                throw new RegexError("nothing to repeat");
            }
            if (last.op == Op.REPEAT) {
                throw new RegexError("multiple repeat");
            }
            if (!match("?")) {
                match("+");
            }
            Seq item = new Seq();
            item.items.add(last);
            items.set(items.size() - 1, new Node(Op.REPEAT, item, null, min, max, 0, false, null));
            hasRepeat = true;
            return true;
        }

        private String digits() throws RegexError {
            StringBuilder digits = new StringBuilder();
            while (next != null && next.length() == 1 && next.charAt(0) >= '0' && next.charAt(0) <= '9') {
                digits.append(get());
            }
            return digits.toString();
        }

        private static long repeatCount(String digits) throws RegexError {
            BigInteger count = new BigInteger(digits);
            if (count.compareTo(BigInteger.valueOf(MAXREPEAT)) >= 0) {
                // an OverflowError in Python, not re.error: pyaleph's validator does not catch it
                throw new RegexError("the repetition number is too large");
            }
            return count.longValue();
        }

        /** @return the verbose mode for the rest of the sequence (global flags may turn it on) */
        private boolean group(List<Node> items, boolean verbose, int nested, boolean first) throws RegexError {
            boolean capture = true;
            boolean atomic = false;
            String name = null;
            int addFlags = 0;
            int delFlags = 0;
            if (match("?")) {
                String c = get();
                if (c == null) {
                    throw new RegexError("unexpected end of pattern");
                }
                if (c.equals("P")) {
                    if (match("<")) {
                        name = getUntil(">", "group name");
                        checkGroupName(name);
                    } else if (match("=")) {
                        String ref = getUntil(")", "group name");
                        checkGroupName(ref);
                        Integer gid = groupNames.get(ref);
                        if (gid == null) {
                            throw new RegexError("unknown group name '" + ref + "'");
                        }
                        if (!isClosed(gid)) {
                            throw new RegexError("cannot refer to an open group");
                        }
                        checkLookbehindGroup(gid);
                        items.add(new Node(Op.GROUPREF, null, null, 0, 0, gid, false, null));
                        return verbose;
                    } else {
                        String after = get();
                        if (after == null) {
                            throw new RegexError("unexpected end of pattern");
                        }
                        throw new RegexError("unknown extension ?P" + after);
                    }
                } else if (c.equals(":")) {
                    capture = false;
                } else if (c.equals("#")) {
                    while (true) {
                        if (next == null) {
                            throw new RegexError("missing ), unterminated comment");
                        }
                        if (get().equals(")")) {
                            return verbose;
                        }
                    }
                } else if (c.equals("=") || c.equals("!") || c.equals("<")) {
                    lookaround(items, c, verbose, nested);
                    return verbose;
                } else if (c.equals("(")) {
                    conditional(items, verbose, nested);
                    return verbose;
                } else if (c.equals(">")) {
                    capture = false;
                    atomic = true;
                } else if (FLAGS.containsKey(c) || c.equals("-")) {
                    int[] scoped = parseFlags(c);
                    if (scoped == null) {
                        if (!first || !items.isEmpty()) {
                            throw new RegexError("global flags not at the start of the expression");
                        }
                        return (flags & FLAG_VERBOSE) != 0;
                    }
                    addFlags = scoped[0];
                    delFlags = scoped[1];
                    capture = false;
                } else {
                    throw new RegexError("unknown extension ?" + c);
                }
            }
            int gid = -1;
            if (capture) {
                gid = groupWidths.size();
                groupWidths.add(null);
                if (name != null) {
                    Integer previous = groupNames.putIfAbsent(name, gid);
                    if (previous != null) {
                        throw new RegexError("redefinition of group name '" + name + "' as group " + gid
                                + "; was group " + previous);
                    }
                }
            }
            boolean subVerbose = (verbose || (addFlags & FLAG_VERBOSE) != 0) && (delFlags & FLAG_VERBOSE) == 0;
            Seq inner = parseSub(subVerbose, nested + 1);
            if (!match(")")) {
                throw new RegexError("missing ), unterminated subpattern");
            }
            if (gid >= 0) {
                groupWidths.set(gid, width(inner));
            }
            items.add(new Node(atomic ? Op.ATOMIC : Op.SUBPATTERN, inner, null, 0, 0, gid, false, null));
            return verbose;
        }

        private void lookaround(List<Node> items, String c, boolean verbose, int nested) throws RegexError {
            boolean behind = false;
            Integer outerLookbehind = lookbehindGroups;
            if (c.equals("<")) {
                String kind = get();
                if (kind == null) {
                    throw new RegexError("unexpected end of pattern");
                }
                if (!kind.equals("=") && !kind.equals("!")) {
                    throw new RegexError("unknown extension ?<" + kind);
                }
                behind = true;
                if (outerLookbehind == null) {
                    lookbehindGroups = groupWidths.size();
                }
            }
            Seq inner = parseSub(verbose, nested + 1);
            if (behind && outerLookbehind == null) {
                lookbehindGroups = null;
            }
            if (!match(")")) {
                throw new RegexError("missing ), unterminated subpattern");
            }
            Node node = new Node(Op.ASSERT, inner, null, 0, 0, 0, behind, null);
            if (behind) {
                lookbehinds.add(node);
            }
            items.add(node);
        }

        private void conditional(List<Node> items, boolean verbose, int nested) throws RegexError {
            String condition = getUntil(")", "group name");
            int group;
            if (isIdentifier(condition)) {
                Integer named = groupNames.get(condition);
                if (named == null) {
                    throw new RegexError("unknown group name '" + condition + "'");
                }
                group = named;
            } else {
                if (!condition.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    throw new RegexError("bad character in group name '" + condition + "'");
                }
                BigInteger number = new BigInteger(condition);
                if (number.signum() == 0) {
                    throw new RegexError("bad group number");
                }
                if (number.compareTo(BigInteger.valueOf(MAXGROUPS)) >= 0) {
                    throw new RegexError("invalid group reference " + number);
                }
                group = number.intValue();
                conditionalRefs.add(group);
            }
            checkLookbehindGroup(group);
            Seq yes = parseSeq(verbose, nested + 1, false);
            Seq no = null;
            if (match("|")) {
                no = parseSeq(verbose, nested + 1, false);
                if ("|".equals(next)) {
                    throw new RegexError("conditional backref with more than two branches");
                }
            }
            if (!match(")")) {
                throw new RegexError("missing ), unterminated subpattern");
            }
            items.add(new Node(Op.GROUPREF_EXISTS, yes, null, 0, 0, group, false, no));
        }

        /** @return null for global flags {@code (?i)}, else {added, removed} of a scoped group */
        private int[] parseFlags(String first) throws RegexError {
            String c = first;
            int add = 0;
            int del = 0;
            if (!c.equals("-")) {
                while (true) {
                    int flag = FLAGS.get(c);
                    if (c.equals("L")) {
                        throw new RegexError("bad inline flags: cannot use 'L' flag with a str pattern");
                    }
                    add |= flag;
                    if ((flag & TYPE_FLAGS) != 0 && (add & TYPE_FLAGS) != flag) {
                        throw new RegexError("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
                    }
                    c = get();
                    if (c == null) {
                        throw new RegexError("missing -, : or )");
                    }
                    if (c.equals(")") || c.equals("-") || c.equals(":")) {
                        break;
                    }
                    if (!FLAGS.containsKey(c)) {
                        throw new RegexError(isAlpha(c) ? "unknown flag" : "missing -, : or )");
                    }
                }
            }
            if (c.equals(")")) {
                flags |= add;
                return null;
            }
            if ((add & GLOBAL_FLAGS) != 0) {
                throw new RegexError("bad inline flags: cannot turn on global flag");
            }
            if (c.equals("-")) {
                c = get();
                if (c == null) {
                    throw new RegexError("missing flag");
                }
                if (!FLAGS.containsKey(c)) {
                    throw new RegexError(isAlpha(c) ? "unknown flag" : "missing flag");
                }
                while (true) {
                    int flag = FLAGS.get(c);
                    if ((flag & TYPE_FLAGS) != 0) {
                        throw new RegexError("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
                    }
                    del |= flag;
                    c = get();
                    if (c == null) {
                        throw new RegexError("missing :");
                    }
                    if (c.equals(":")) {
                        break;
                    }
                    if (!FLAGS.containsKey(c)) {
                        throw new RegexError(isAlpha(c) ? "unknown flag" : "missing :");
                    }
                }
            }
            if ((del & GLOBAL_FLAGS) != 0) {
                throw new RegexError("bad inline flags: cannot turn off global flag");
            }
            if ((add & del) != 0) {
                throw new RegexError("bad inline flags: flag turned on and off");
            }
            return new int[] {add, del};
        }

        /** Python's str.isalpha() on a token (a backslash pair is never alphabetic). */
        private static boolean isAlpha(String token) {
            return token.codePoints().allMatch(Character::isLetter);
        }

        private void characterClass() throws RegexError {
            boolean empty = true;
            match("^");
            while (true) {
                String token = get();
                if (token == null) {
                    throw new RegexError("unterminated character set");
                }
                if (token.equals("]") && !empty) {
                    return;
                }
                int low = token.charAt(0) == '\\' ? classEscape(token) : token.codePointAt(0);
                if (match("-")) {
                    String that = get();
                    if (that == null) {
                        throw new RegexError("unterminated character set");
                    }
                    if (that.equals("]")) {
                        return;
                    }
                    int high = that.charAt(0) == '\\' ? classEscape(that) : that.codePointAt(0);
                    if (low < 0 || high < 0 || high < low) {
                        throw new RegexError("bad character range " + token + "-" + that);
                    }
                }
                empty = false;
            }
        }

        /** @return the literal code point, or -1 for a category such as \d */
        private int classEscape(String token) throws RegexError {
            char c = token.charAt(1);
            switch (c) {
                case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
                    return 0;
                case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
                    return -1;
                default:
                    break;
            }
            Integer literal = numericEscape(token);
            if (literal != null) {
                return literal;
            }
            if (c >= '0' && c <= '7') {
                String escape = token + getWhile(2, "01234567");
                int value = Integer.parseInt(escape.substring(1), 8);
                if (value > 0377) {
                    throw new RegexError("octal escape value " + escape + " outside of range 0-0o377");
                }
                return value;
            }
            return plainEscape(token);
        }

        /** An escape outside a class: a category, an anchor, a literal or a group reference. */
        private Node escape(String token) throws RegexError {
            char c = token.charAt(1);
            switch (c) {
                case 'A': case 'b': case 'B': case 'Z':
                    return Node.simple(Op.AT);
                case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
                case 'a': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
                    return Node.simple(Op.UNIT);
                default:
                    break;
            }
            if (numericEscape(token) != null) {
                return Node.simple(Op.UNIT);
            }
            if (c == '0') {
                getWhile(2, "01234567");
                return Node.simple(Op.UNIT);
            }
            if (c >= '1' && c <= '9') {
                String escape = token;
                if (next != null && next.length() == 1 && Character.isDigit(next.charAt(0)) && next.charAt(0) < 0x80) {
                    escape += get();
                    if (isOctal(escape.charAt(1)) && isOctal(escape.charAt(2))
                            && next != null && next.length() == 1 && isOctal(next.charAt(0))) {
                        escape += get();
                        if (Integer.parseInt(escape.substring(1), 8) > 0377) {
                            throw new RegexError("octal escape value " + escape + " outside of range 0-0o377");
                        }
                        return Node.simple(Op.UNIT);
                    }
                }
                int group = Integer.parseInt(escape.substring(1));
                if (group < groupWidths.size()) {
                    if (!isClosed(group)) {
                        throw new RegexError("cannot refer to an open group");
                    }
                    checkLookbehindGroup(group);
                    return new Node(Op.GROUPREF, null, null, 0, 0, group, false, null);
                }
                throw new RegexError("invalid group reference " + group);
            }
            plainEscape(token);
            return Node.simple(Op.UNIT);
        }

        private static boolean isOctal(char c) {
            return c >= '0' && c <= '7';
        }

        /** Hex, 4- and 8-digit Unicode and named escapes, shared by both contexts. @return null for other escapes */
        private Integer numericEscape(String token) throws RegexError {
            char c = token.charAt(1);
            String hex = "0123456789abcdefABCDEF";
            switch (c) {
                case 'x': {
                    String escape = token + getWhile(2, hex);
                    if (escape.length() != 4) {
                        throw new RegexError("incomplete escape " + escape);
                    }
                    return Integer.parseInt(escape.substring(2), 16);
                }
                case 'u': {
                    String escape = token + getWhile(4, hex);
                    if (escape.length() != 6) {
                        throw new RegexError("incomplete escape " + escape);
                    }
                    return Integer.parseInt(escape.substring(2), 16);
                }
                case 'U': {
                    String escape = token + getWhile(8, hex);
                    if (escape.length() != 10) {
                        throw new RegexError("incomplete escape " + escape);
                    }
                    long value = Long.parseLong(escape.substring(2), 16);
                    if (value > Character.MAX_CODE_POINT) {
                        throw new RegexError("bad escape " + escape);
                    }
                    return (int) value;
                }
                case 'N': {
                    if (!match("{")) {
                        throw new RegexError("missing {");
                    }
                    String name = getUntil("}", "character name");
                    return namedCharacter(name);
                }
                default:
                    return null;
            }
        }

        private static int namedCharacter(String name) throws RegexError {
            String undefined = "undefined character name '" + name + "'";
            // Java trims and ignores case; Python ignores case only
            if (!name.equals(name.strip())) {
                throw new RegexError(undefined);
            }
            try {
                return Character.codePointOf(name);
            } catch (IllegalArgumentException e) {
                throw new RegexError(undefined);
            }
        }

        /** Other escapes: ASCII letters and digits are errors, anything else is that literal character. */
        private static int plainEscape(String token) throws RegexError {
            int c = token.codePointAt(1);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                throw new RegexError("bad escape " + token);
            }
            return c;
        }

        private boolean isClosed(int group) {
            return group < groupWidths.size() && groupWidths.get(group) != null;
        }

        private void checkLookbehindGroup(int group) throws RegexError {
            if (lookbehindGroups != null) {
                if (!isClosed(group)) {
                    throw new RegexError("cannot refer to an open group");
                }
                if (group >= lookbehindGroups) {
                    throw new RegexError("cannot refer to group defined in the same lookbehind subpattern");
                }
            }
        }

        private static void checkGroupName(String name) throws RegexError {
            if (!isIdentifier(name)) {
                throw new RegexError("bad character in group name '" + name + "'");
            }
        }

        /** Python's str.isidentifier(): XID_Start or '_', then XID_Continue (Java's tables approximate them). */
        private static boolean isIdentifier(String name) {
            int[] points = name.codePoints().toArray();
            if (points.length == 0) {
                return false;
            }
            if (points[0] != '_' && !Character.isUnicodeIdentifierStart(points[0])) {
                return false;
            }
            for (int i = 1; i < points.length; i++) {
                if (!Character.isUnicodeIdentifierPart(points[i]) || Character.isIdentifierIgnorable(points[i])) {
                    return false;
                }
            }
            return true;
        }

        // --- widths, as SubPattern.getwidth() (capped at 2^64 per sequence)

        private BigInteger[] width(Seq seq) {
            if (seq.width != null) {
                return seq.width;
            }
            BigInteger lo = BigInteger.ZERO;
            BigInteger hi = BigInteger.ZERO;
            for (Node node : seq.items) {
                switch (node.op) {
                    case UNIT -> {
                        lo = lo.add(BigInteger.ONE);
                        hi = hi.add(BigInteger.ONE);
                    }
                    case BRANCH -> {
                        BigInteger i = MAXWIDTH;
                        BigInteger j = BigInteger.ZERO;
                        for (Seq branch : node.branches) {
                            BigInteger[] w = width(branch);
                            i = i.min(w[0]);
                            j = j.max(w[1]);
                        }
                        lo = lo.add(i);
                        hi = hi.add(j);
                    }
                    case SUBPATTERN, ATOMIC -> {
                        BigInteger[] w = width(node.inner);
                        lo = lo.add(w[0]);
                        hi = hi.add(w[1]);
                    }
                    case REPEAT -> {
                        BigInteger[] w = width(node.inner);
                        lo = lo.add(w[0].multiply(BigInteger.valueOf(node.min)));
                        if (node.max == MAXREPEAT && w[1].signum() != 0) {
                            hi = MAXWIDTH;
                        } else {
                            hi = hi.add(w[1].multiply(BigInteger.valueOf(node.max)));
                        }
                    }
                    case GROUPREF -> {
                        BigInteger[] w = groupWidths.get(node.group);
                        lo = lo.add(w[0]);
                        hi = hi.add(w[1]);
                    }
                    case GROUPREF_EXISTS -> {
                        BigInteger[] yes = width(node.inner);
                        BigInteger i = yes[0];
                        BigInteger j = yes[1];
                        if (node.no != null) {
                            BigInteger[] no = width(node.no);
                            i = i.min(no[0]);
                            j = j.max(no[1]);
                        } else {
                            i = BigInteger.ZERO;
                        }
                        lo = lo.add(i);
                        hi = hi.add(j);
                    }
                    case AT, ASSERT -> {
                        // zero width
                    }
                }
            }
            seq.width = new BigInteger[] {lo.min(MAXWIDTH), hi.min(MAXWIDTH)};
            return seq.width;
        }
    }
}
