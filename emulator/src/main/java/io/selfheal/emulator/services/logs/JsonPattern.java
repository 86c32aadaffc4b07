package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JSON filter patterns: {@code SELECTOR OPERATOR VALUE} conditions joined by {@code &&} and {@code ||} with
 * parentheses (precedence {@code () > && > ||}), and {@code IS NULL}, {@code IS TRUE}, {@code IS FALSE},
 * {@code NOT EXISTS}. A selector starts at {@code $} and names properties and array elements
 * ({@code $.users[0].id}). As the User Guide says, a selector that reaches an object or an array matches neither
 * {@code =} nor {@code !=}, and an event that is not JSON matches nothing.
 */
final class JsonPattern implements FilterPattern {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z0-9_\\-@]+");

    /** A condition tree over the parsed event. */
    private interface Node {
        boolean test(JsonNode event);
    }

    private final Node root;

    private JsonPattern(Node root) {
        this.root = root;
    }

    static JsonPattern parse(String body) {
        Parser parser = new Parser(tokenize(body));
        Node root = parser.or();
        if (!parser.atEnd()) {
            throw FilterPattern.invalid("Unexpected '" + parser.peek() + "' in JSON pattern");
        }
        return new JsonPattern(root);
    }

    @Override
    public boolean matches(String message) {
        String text = message.strip();
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return false;
        }
        JsonNode event;
        try {
            event = Json.parse(text);
        } catch (IOException e) {
            return false;
        }
        return root.test(event);
    }

    // ---- tokens --------------------------------------------------------------------------------------------------

    private record Token(String text, boolean quoted) {
        boolean is(String s) {
            return !quoted && text.equals(s);
        }

        boolean isKeyword(String s) {
            return !quoted && text.equalsIgnoreCase(s);
        }
    }

    private static List<Token> tokenize(String body) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), false));
                i++;
            } else if (body.startsWith("&&", i) || body.startsWith("||", i) || body.startsWith("!=", i)
                    || body.startsWith("<=", i) || body.startsWith(">=", i)) {
                tokens.add(new Token(body.substring(i, i + 2), false));
                i += 2;
            } else if (c == '=' || c == '<' || c == '>') {
                tokens.add(new Token(String.valueOf(c), false));
                i++;
            } else if (c == '"') {
                StringBuilder s = new StringBuilder();
                int j = i + 1;
                while (j < body.length() && body.charAt(j) != '"') {
                    if (body.charAt(j) == '\\' && j + 1 < body.length()) {
                        j++;
                    }
                    s.append(body.charAt(j++));
                }
                if (j == body.length()) {
                    throw FilterPattern.invalid("Unterminated string in JSON pattern");
                }
                tokens.add(new Token(s.toString(), true));
                i = j + 1;
            } else {
                int j = i;
                while (j < body.length() && !Character.isWhitespace(body.charAt(j))
                        && "()&|=!<>\"".indexOf(body.charAt(j)) < 0) {
                    j++;
                }
                if (j == i) {
                    throw FilterPattern.invalid("Unexpected '" + c + "' in JSON pattern");
                }
                tokens.add(new Token(body.substring(i, j), false));
                i = j;
            }
        }
        return tokens;
    }

    // ---- parser --------------------------------------------------------------------------------------------------

    private static final class Parser {
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean atEnd() {
            return at == tokens.size();
        }

        String peek() {
            return atEnd() ? "end of pattern" : tokens.get(at).text();
        }

        private Token next(String expected) {
            if (atEnd()) {
                throw FilterPattern.invalid("Expected " + expected + " but the JSON pattern ended");
            }
            return tokens.get(at++);
        }

        Node or() {
            List<Node> any = new ArrayList<>(List.of(and()));
            while (!atEnd() && tokens.get(at).is("||")) {
                at++;
                any.add(and());
            }
            return any.size() == 1 ? any.get(0) : event -> any.stream().anyMatch(n -> n.test(event));
        }

        private Node and() {
            List<Node> all = new ArrayList<>(List.of(unary()));
            while (!atEnd() && tokens.get(at).is("&&")) {
                at++;
                all.add(unary());
            }
            return all.size() == 1 ? all.get(0) : event -> all.stream().allMatch(n -> n.test(event));
        }

        private Node unary() {
            Token t = next("a condition");
            if (t.is("(")) {
                Node inner = or();
                if (!next("')'").is(")")) {
                    throw FilterPattern.invalid("Expected ')' in JSON pattern");
                }
                return inner;
            }
            return condition(Selector.parse(t));
        }

        private Node condition(Selector selector) {
            Token op = next("an operator");
            if (op.isKeyword("IS")) {
                Token what = next("NULL, TRUE or FALSE");
                if (what.isKeyword("NULL")) {
                    return event -> {
                        JsonNode n = selector.select(event);
                        return n != null && n.isNull();
                    };
                }
                if (what.isKeyword("TRUE") || what.isKeyword("FALSE")) {
                    boolean expected = what.isKeyword("TRUE");
                    return event -> {
                        JsonNode n = selector.select(event);
                        return n != null && n.isBoolean() && n.booleanValue() == expected;
                    };
                }
                throw FilterPattern.invalid("Expected NULL, TRUE or FALSE after IS, found '" + what.text() + "'");
            }
            if (op.isKeyword("NOT")) {
                if (!next("EXISTS").isKeyword("EXISTS")) {
                    throw FilterPattern.invalid("Expected EXISTS after NOT");
                }
                return event -> selector.select(event) == null;
            }
            if (op.isKeyword("EXISTS")) {
                return event -> selector.select(event) != null;
            }
            if (op.quoted() || !List.of("=", "!=", "<", ">", "<=", ">=").contains(op.text())) {
                throw FilterPattern.invalid("Expected an operator after " + selector + ", found '" + op.text() + "'");
            }
            return comparison(selector, op.text(), next("a value"));
        }

        private static Node comparison(Selector selector, String op, Token value) {
            if (!value.quoted() && NUMBER.matcher(value.text()).matches()) {
                BigDecimal number = new BigDecimal(value.text().startsWith("+") ? value.text().substring(1)
                        : value.text());
                return event -> compareNumber(selector.select(event), op, number, value.text());
            }
            if (!op.equals("=") && !op.equals("!=")) {
                throw FilterPattern.invalid("Operator " + op + " needs a number, found '" + value.text() + "'");
            }
            if (!value.quoted() && value.text().startsWith("$")) {
                throw FilterPattern.invalid("Comparing two selectors is not supported: " + value.text());
            }
            Wildcard expected = new Wildcard(value.text());
            boolean equal = op.equals("=");
            return event -> {
                JsonNode n = selector.select(event);
                if (n == null || !n.isValueNode() || n.isNull()) {
                    return false;
                }
                return expected.matches(n.asText()) == equal;
            };
        }

        private static boolean compareNumber(JsonNode n, String op, BigDecimal expected, String literal) {
            if (n == null || !n.isValueNode() || n.isNull()) {
                return false;
            }
            if (!n.isNumber()) {
                // A string property compared with a number literal: equal when the text is the literal.
                return switch (op) {
                    case "=" -> n.asText().equals(literal);
                    case "!=" -> !n.asText().equals(literal);
                    default -> false;
                };
            }
            int c = n.decimalValue().compareTo(expected);
            return switch (op) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                default -> c >= 0;
            };
        }
    }

    /** {@code $.a.b[0].c}: properties and array indexes from the root. */
    private record Selector(String text, List<Object> path) {
        static Selector parse(Token t) {
            String s = t.text();
            if (t.quoted() || !s.startsWith("$")) {
                throw FilterPattern.invalid("Expected a selector starting with $, found '" + s + "'");
            }
            List<Object> path = new ArrayList<>();
            int i = 1;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '.') {
                    int j = i + 1;
                    while (j < s.length() && s.charAt(j) != '.' && s.charAt(j) != '[') {
                        j++;
                    }
                    String name = s.substring(i + 1, j);
                    if (!PROPERTY.matcher(name).matches()) {
                        throw FilterPattern.invalid("Invalid selector '" + s + "'"
                                + (name.contains("*") ? ": selfheal does not evaluate wildcard selectors" : ""));
                    }
                    path.add(name);
                    i = j;
                } else if (c == '[') {
                    int close = s.indexOf(']', i);
                    String index = close < 0 ? "" : s.substring(i + 1, close);
                    if (!index.matches("\\d+")) {
                        throw FilterPattern.invalid("Invalid selector '" + s + "'");
                    }
                    path.add(Integer.parseInt(index));
                    i = close + 1;
                } else {
                    throw FilterPattern.invalid("Invalid selector '" + s + "'");
                }
            }
            if (path.isEmpty()) {
                throw FilterPattern.invalid("Invalid selector '" + s + "'");
            }
            return new Selector(s, List.copyOf(path));
        }

        /** The node, or null when the path does not exist in the event. */
        JsonNode select(JsonNode event) {
            JsonNode n = event;
            for (Object step : path) {
                if (step instanceof String name) {
                    n = n.isObject() ? n.get(name) : null;
                } else {
                    n = n.isArray() ? n.get((Integer) step) : null;
                }
                if (n == null) {
                    return null;
                }
            }
            return n;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A string value: a leading or trailing {@code *} matches any text there (User Guide, JSON patterns). */
    private record Wildcard(String text) {
        boolean matches(String value) {
            if (text.equals("*")) {
                return true;
            }
            boolean head = text.startsWith("*");
            boolean tail = text.length() > 1 && text.endsWith("*");
            String core = text.substring(head ? 1 : 0, text.length() - (tail ? 1 : 0));
            if (head && tail) {
                return value.contains(core);
            }
            if (head) {
                return value.endsWith(core);
            }
            if (tail) {
                return value.startsWith(core);
            }
            return value.equals(core);
        }
    }
}
