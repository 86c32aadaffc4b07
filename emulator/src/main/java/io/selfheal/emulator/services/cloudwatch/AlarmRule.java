package io.selfheal.emulator.services.cloudwatch;

import io.selfheal.emulator.core.AwsException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A composite alarm's AlarmRule (PutCompositeAlarm, API reference): {@code ALARM(x)}, {@code OK(x)} and
 * {@code INSUFFICIENT_DATA(x)} of an alarm named by name or ARN, optionally in double quotes; {@code TRUE},
 * {@code FALSE}; {@code AND}, {@code OR}, {@code NOT} and parentheses. NOT binds tighter than AND, AND than OR.
 * Keywords are read in any case (the DeleteAlarms page suggests a rule of {@code false}). A rule that does not parse
 * is a {@code ValidationError}.
 */
final class AlarmRule {
    /** Rule length limit of the API reference. */
    static final int MAX_LENGTH = 10_240;
    /** "The rule expression of a composite alarm can include as many as 100 underlying alarms." */
    static final int MAX_CHILDREN = 100;

    private sealed interface Node permits Constant, StateOf, Not, And, Or {
    }

    private record Constant(boolean value) implements Node {
    }

    /** {@code STATE(alarm)}; {@code alarm} is the name, an ARN already resolved to it. */
    private record StateOf(String state, String alarm) implements Node {
    }

    private record Not(Node operand) implements Node {
    }

    private record And(Node left, Node right) implements Node {
    }

    private record Or(Node left, Node right) implements Node {
    }

    private final String text;
    private final Node root;
    private final Set<String> children;

    private AlarmRule(String text, Node root, Set<String> children) {
        this.text = text;
        this.root = root;
        this.children = children;
    }

    /**
     * @param arnPrefix {@code arn:aws:cloudwatch:<region>:<account>:alarm:}: ARNs of this prefix name the alarm after
     *                  it; other ARNs are kept whole (and so match no alarm of the region)
     */
    static AlarmRule parse(String text, String arnPrefix) {
        Parser parser = new Parser(text, arnPrefix);
        Node root = parser.or();
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.pos) + "'");
        }
        return new AlarmRule(text, root, parser.children);
    }

    String text() {
        return text;
    }

    /** The names of the alarms the rule reads, in rule order. */
    Set<String> children() {
        return children;
    }

    /** @param stateOf an alarm's state value by name; null for an alarm that does not exist (never matches) */
    boolean evaluate(Function<String, String> stateOf) {
        return evaluate(root, stateOf);
    }

    /** The children whose function in the rule is true now: what moved the rule to ALARM. */
    List<String> trueChildren(Function<String, String> stateOf) {
        List<String> names = new ArrayList<>();
        collectTrue(root, stateOf, names);
        return names.stream().distinct().toList();
    }

    private static boolean evaluate(Node node, Function<String, String> stateOf) {
        if (node instanceof Constant c) {
            return c.value();
        }
        if (node instanceof StateOf s) {
            return s.state().equals(stateOf.apply(s.alarm()));
        }
        if (node instanceof Not n) {
            return !evaluate(n.operand(), stateOf);
        }
        if (node instanceof And a) {
            return evaluate(a.left(), stateOf) && evaluate(a.right(), stateOf);
        }
        Or o = (Or) node;
        return evaluate(o.left(), stateOf) || evaluate(o.right(), stateOf);
    }

    private static void collectTrue(Node node, Function<String, String> stateOf, List<String> out) {
        if (node instanceof StateOf s && evaluate(s, stateOf)) {
            out.add(s.alarm());
        } else if (node instanceof Not n) {
            collectTrue(n.operand(), stateOf, out);
        } else if (node instanceof And a) {
            collectTrue(a.left(), stateOf, out);
            collectTrue(a.right(), stateOf, out);
        } else if (node instanceof Or o) {
            collectTrue(o.left(), stateOf, out);
            collectTrue(o.right(), stateOf, out);
        }
    }

    /** Recursive descent over the text. */
    private static final class Parser {
        private final String text;
        private final String arnPrefix;
        private final Set<String> children = new LinkedHashSet<>();
        private int pos;

        Parser(String text, String arnPrefix) {
            this.text = text;
            this.arnPrefix = arnPrefix;
        }

        Node or() {
            Node left = and();
            while (keyword("OR")) {
                left = new Or(left, and());
            }
            return left;
        }

        Node and() {
            Node left = unary();
            while (keyword("AND")) {
                left = new And(left, unary());
            }
            return left;
        }

        Node unary() {
            if (keyword("NOT")) {
                return new Not(unary());
            }
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                Node inner = or();
                expect(')');
                return inner;
            }
            if (keyword("TRUE")) {
                return new Constant(true);
            }
            if (keyword("FALSE")) {
                return new Constant(false);
            }
            for (String state : AlarmHandlers.STATE_VALUES) {
                if (function(state)) {
                    return new StateOf(state, alarm());
                }
            }
            throw error(pos < text.length() ? "expected ALARM, OK, INSUFFICIENT_DATA, TRUE, FALSE, NOT or '(' at "
                    + "position " + (pos + 1) : "the rule ends where an expression is expected");
        }

        /** The alarm inside {@code STATE(…)}, through the closing parenthesis. */
        private String alarm() {
            skipSpaces();
            String name;
            if (pos < text.length() && text.charAt(pos) == '"') {
                int close = text.indexOf('"', pos + 1);
                if (close < 0) {
                    throw error("unclosed quote at position " + (pos + 1));
                }
                name = text.substring(pos + 1, close);
                pos = close + 1;
            } else {
                int close = text.indexOf(')', pos);
                if (close < 0) {
                    throw error("missing ')'");
                }
                name = text.substring(pos, close).trim();
                pos = close;
            }
            expect(')');
            if (name.isEmpty()) {
                throw error("an alarm function names no alarm");
            }
            if (name.startsWith(arnPrefix)) {
                name = name.substring(arnPrefix.length());
            }
            children.add(name);
            return name;
        }

        /** {@code STATE(} with the parenthesis consumed. */
        private boolean function(String state) {
            skipSpaces();
            int end = pos + state.length();
            if (end <= text.length() && text.substring(pos, end).equalsIgnoreCase(state)) {
                int p = end;
                while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
                    p++;
                }
                if (p < text.length() && text.charAt(p) == '(') {
                    pos = p + 1;
                    return true;
                }
            }
            return false;
        }

        private boolean keyword(String word) {
            skipSpaces();
            int end = pos + word.length();
            if (end > text.length() || !text.substring(pos, end).toUpperCase(Locale.ROOT).equals(word)) {
                return false;
            }
            if (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                return false;
            }
            pos = end;
            return true;
        }

        private void expect(char c) {
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error("expected '" + c + "' at position " + (pos + 1));
            }
            pos++;
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        AwsException error(String what) {
            return AwsException.badRequest("ValidationError", "Syntax error in AlarmRule: " + what + ".");
        }
    }
}
