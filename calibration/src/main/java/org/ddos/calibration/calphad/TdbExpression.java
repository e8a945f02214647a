package org.ddos.calibration.calphad;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * An arithmetic expression of Thermo-Calc database (TDB) syntax: numbers (Fortran style, e.g.
 * {@code .99714}, {@code 1.12754E+31}), the variables T (K) and X (a composition, for
 * experimental formulas), + - * / and ** (right-associative, with unary minus binding weaker than
 * **, so {@code -T**2} is -(T^2)), parentheses, the functions LN, LOG (both natural logarithms,
 * as in Thermo-Calc), EXP, and references to named FUNCTIONs, with or without the trailing
 * {@code #}. Names are case-insensitive. Immutable; evaluation does not allocate.
 */
public final class TdbExpression {
    private final Node root;
    private final String text;
    private final List<String> references;

    private TdbExpression(Node root, String text, List<String> references) {
        this.root = root;
        this.text = text;
        this.references = references;
    }

    /** The values an expression is evaluated with. */
    public interface Environment {
        /** @return T in K */
        double temperature();

        /** @return the composition variable X (NaN when the expression should not use it) */
        double composition();

        /**
         * @param name FUNCTION name (upper case)
         * @return the value of FUNCTION {@code name} (upper case) at this environment
         */
        double function(String name);
    }

    /**
     * Parses an expression.
     *
     * @param text the expression, e.g. {@code +8047.72+3.42217*T} or {@code L0FCC+0.375*RECNINI#}
     * @return the parsed expression
     * @throws IllegalArgumentException naming the position and the offending text on a syntax error
     */
    public static TdbExpression parse(String text) {
        Parser p = new Parser(text);
        Node n = p.expression();
        p.skipBlanks();
        if (p.pos < p.s.length()) {
            throw p.error("unexpected '" + p.s.substring(p.pos) + "'");
        }
        return new TdbExpression(n, text.strip(), List.copyOf(p.refs));
    }

    /** @return the text parsed */
    public String text() {
        return text;
    }

    /** @return the FUNCTION names referenced (upper case, in order of appearance, repeats kept) */
    public List<String> references() {
        return references;
    }

    /**
     * @param env temperature, composition and FUNCTION values
     * @return the value in the environment
     */
    public double evaluate(Environment env) {
        return root.eval(env);
    }

    /**
     * @param temperature T (K)
     * @param composition the composition variable X
     * @return the value of an expression of T and X only
     * @throws IllegalArgumentException when the expression references a FUNCTION
     */
    public double evaluate(double temperature, double composition) {
        return evaluate(new Environment() {
            @Override
            public double temperature() {
                return temperature;
            }

            @Override
            public double composition() {
                return composition;
            }

            @Override
            public double function(String name) {
                throw new IllegalArgumentException("expression '" + text + "' references FUNCTION " + name + " but none are defined");
            }
        });
    }

    @Override
    public String toString() {
        return text;
    }

    private interface Node {
        double eval(Environment env);
    }

    private static final class Parser {
        final String s;
        int pos;
        final List<String> refs = new ArrayList<>();

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String msg) {
            return new IllegalArgumentException("TDB expression '" + s.strip() + "' at character " + (pos + 1) + ": " + msg);
        }

        void skipBlanks() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String token) {
            skipBlanks();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        boolean peek(char c) {
            skipBlanks();
            return pos < s.length() && s.charAt(pos) == c;
        }

        Node expression() {
            Node left = term();
            while (true) {
                if (eat("+")) {
                    Node a = left;
                    Node b = term();
                    left = e -> a.eval(e) + b.eval(e);
                } else if (peek('-')) {
                    pos++;
                    Node a = left;
                    Node b = term();
                    left = e -> a.eval(e) - b.eval(e);
                } else {
                    return left;
                }
            }
        }

        Node term() {
            Node left = unary();
            while (true) {
                skipBlanks();
                if (s.startsWith("**", pos)) {
                    return left; // handled in power(); cannot start here
                }
                if (eat("*")) {
                    Node a = left;
                    Node b = unary();
                    left = e -> a.eval(e) * b.eval(e);
                } else if (eat("/")) {
                    Node a = left;
                    Node b = unary();
                    left = e -> a.eval(e) / b.eval(e);
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            if (eat("+")) {
                return unary();
            }
            if (peek('-')) {
                pos++;
                Node a = unary();
                return e -> -a.eval(e);
            }
            return power();
        }

        Node power() {
            Node base = primary();
            if (eat("**")) {
                Node exp = unary();
                return e -> Math.pow(base.eval(e), exp.eval(e));
            }
            return base;
        }

        Node primary() {
            skipBlanks();
            if (pos >= s.length()) {
                throw error("unexpected end of expression");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = expression();
                if (!eat(")")) {
                    throw error("missing ')'");
                }
                return n;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                String name = s.substring(start, pos).toUpperCase(Locale.ROOT);
                boolean hash = pos < s.length() && s.charAt(pos) == '#';
                if (hash) {
                    pos++;
                }
                if (!hash && peek('(') && (name.equals("LN") || name.equals("LOG") || name.equals("EXP"))) {
                    pos++;
                    Node arg = expression();
                    if (!eat(")")) {
                        throw error("missing ')' after " + name + "(");
                    }
                    return name.equals("EXP") ? e -> Math.exp(arg.eval(e)) : e -> Math.log(arg.eval(e));
                }
                if (!hash && name.equals("T")) {
                    return Environment::temperature;
                }
                if (!hash && name.equals("X")) {
                    return e -> {
                        double x = e.composition();
                        if (Double.isNaN(x)) {
                            throw new IllegalArgumentException("expression '" + s.strip() + "' uses X but no composition was given");
                        }
                        return x;
                    };
                }
                refs.add(name);
                return e -> e.function(name);
            }
            throw error("unexpected character '" + c + "'");
        }

        Node number() {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < s.length() && (s.charAt(pos) == 'E' || s.charAt(pos) == 'e' || s.charAt(pos) == 'D' || s.charAt(pos) == 'd')) {
                int save = pos;
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        pos++;
                    }
                } else {
                    pos = save;
                }
            }
            String t = s.substring(start, pos).replace('D', 'E').replace('d', 'e');
            double v;
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException ex) {
                throw error("bad number '" + t + "'");
            }
            return e -> v;
        }
    }

    /**
     * Helper for tests and reports: the value of an expression as a function of T at fixed X.
     *
     * @param composition the composition variable X
     * @return T (K) -&gt; value
     */
    public ToDoubleFunction<Double> ofTemperature(double composition) {
        return t -> evaluate(t, composition);
    }
}
