package io.selfheal.emulator.services.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Terms in unstructured events. Every term must occur (case-sensitive substring: {@code ERROR} matches
 * "Exiting with ERRORCODE: -1", as in the User Guide's example); {@code -term} must not occur; a pattern of
 * {@code ?term}s matches when any of them occurs. Terms with characters other than letters, digits and underscore
 * must be quoted, as AWS requires. {@code %…%} is a regular expression in AWS's restricted syntax.
 */
final class TermPattern implements FilterPattern {
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_]+");
    /** What AWS allows inside {@code %…%}: letters, digits, a few symbols and the operators; no groups. */
    private static final Pattern REGEX_CHARS = Pattern.compile("[A-Za-z0-9:_#=@/;,\\- ^$?\\[\\]{}|\\\\*+.]*");

    private enum Kind { REQUIRED, EXCLUDED, OPTIONAL }

    private record Term(Kind kind, Predicate<String> test) {
    }

    private final List<Term> terms;
    private final boolean anyOf;

    private TermPattern(List<Term> terms, boolean anyOf) {
        this.terms = terms;
        this.anyOf = anyOf;
    }

    static TermPattern parse(String text) {
        List<Term> terms = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            Kind kind = Kind.REQUIRED;
            if (c == '?' || c == '-') {
                kind = c == '?' ? Kind.OPTIONAL : Kind.EXCLUDED;
                i++;
                // The User Guide writes exclusions both as -"Exiting" and as "ERROR" - "Exiting".
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i == text.length()) {
                    throw FilterPattern.invalid("Invalid character(s) in term '" + c + "'");
                }
                c = text.charAt(i);
            }
            int end;
            Predicate<String> test;
            if (c == '"') {
                StringBuilder phrase = new StringBuilder();
                end = i + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    if (text.charAt(end) == '\\' && end + 1 < text.length()) {
                        end++;
                    }
                    phrase.append(text.charAt(end++));
                }
                if (end == text.length()) {
                    throw FilterPattern.invalid("Unterminated quoted term: " + text.substring(i));
                }
                end++;
                if (phrase.length() == 0) {
                    throw FilterPattern.invalid("Invalid character(s) in term '\"\"'");
                }
                String literal = phrase.toString();
                test = message -> message.contains(literal);
            } else if (c == '%') {
                end = text.indexOf('%', i + 1);
                if (end < 0) {
                    throw FilterPattern.invalid("Unterminated regular expression: " + text.substring(i));
                }
                test = regex(text.substring(i + 1, end));
                end++;
            } else {
                end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(i, end);
                if (!BARE.matcher(word).matches()) {
                    throw FilterPattern.invalid("Invalid character(s) in term '" + word + "'");
                }
                test = message -> message.contains(word);
            }
            terms.add(new Term(kind, test));
            i = end;
        }
        boolean anyOf = terms.stream().anyMatch(t -> t.kind() == Kind.OPTIONAL);
        if (anyOf && terms.stream().anyMatch(t -> t.kind() != Kind.OPTIONAL)) {
            // AWS documents ?a ?b, and a -b, but not what mixing them means: refuse rather than guess.
            throw LogsErrors.invalid("Invalid filter pattern: selfheal does not evaluate ?terms mixed with plain "
                    + "or -terms; write every term of an OR pattern with '?'. Pattern: " + text);
        }
        return new TermPattern(List.copyOf(terms), anyOf);
    }

    private static Predicate<String> regex(String body) {
        if (body.isEmpty() || !REGEX_CHARS.matcher(body).matches()) {
            throw FilterPattern.invalid("Invalid regular expression '%" + body + "%': only letters, digits, "
                    + ":_#=@/;,- and the operators ^$?[]{}|\\*+. are allowed");
        }
        try {
            Pattern compiled = Pattern.compile(body);
            return message -> compiled.matcher(message).find();
        } catch (PatternSyntaxException e) {
            throw FilterPattern.invalid("Invalid regular expression '%" + body + "%': " + e.getDescription());
        }
    }

    @Override
    public boolean matches(String message) {
        if (anyOf) {
            return terms.stream().anyMatch(t -> t.test().test(message));
        }
        for (Term t : terms) {
            if (t.test().test(message) == (t.kind() == Kind.EXCLUDED)) {
                return false;
            }
        }
        return true;
    }
}
