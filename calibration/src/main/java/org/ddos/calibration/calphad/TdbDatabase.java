package org.ddos.calibration.calphad;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The FUNCTION and PARAMETER statements of a Thermo-Calc database (TDB) file: enough to evaluate
 * the Redlich–Kister excess parameters of a solution phase ({@link RedlichKister}).
 *
 * <p>Syntax handled: statements end with {@code !} and may span lines; lines starting with
 * {@code $} are comments; keywords may be abbreviated to at least 4 letters (FUNC, PARA) and are
 * case-insensitive. A FUNCTION or PARAMETER is piecewise in T:
 * {@code T_0 expr_1; T_1 Y expr_2; T_2 ... N [reference]}, each expression valid on
 * [T_{k-1}, T_k] ({@link TdbExpression} for the expression syntax). Other statements (ELEMENT,
 * PHASE, CONSTITUENT, TYPE_DEFINITION, ...) are skipped.
 */
public final class TdbDatabase {
    private final String file;
    private final Map<String, Piecewise> functions;
    private final List<Parameter> parameters;

    /**
     * A piecewise expression in T.
     *
     * @param bounds T_0 &lt; T_1 &lt; ... (K), one more than the expressions
     * @param expressions one per interval
     * @param line line of the statement in the file (1-based)
     */
    public record Piecewise(double[] bounds, List<TdbExpression> expressions, int line) {
        /**
         * @param t temperature (K)
         * @return the expression whose interval holds T (the first or last outside the range)
         */
        public TdbExpression at(double t) {
            for (int k = 0; k < expressions.size(); k++) {
                if (t <= bounds[k + 1]) {
                    return expressions.get(k);
                }
            }
            return expressions.get(expressions.size() - 1);
        }

        /**
         * @param t temperature (K)
         * @return true when T lies within [T_0, T_last]
         */
        public boolean covers(double t) {
            return t >= bounds[0] && t <= bounds[bounds.length - 1];
        }
    }

    /**
     * One PARAMETER statement.
     *
     * @param type the parameter type, e.g. G, L, TC, BMAGN (upper case)
     * @param phase phase name (upper case)
     * @param constituents constituents per sublattice (upper case), e.g. [[CU, NI], [VA]]
     * @param order the degree after the semicolon (e.g. the Redlich–Kister order v)
     * @param value the piecewise value
     */
    public record Parameter(String type, String phase, List<List<String>> constituents, int order, Piecewise value) {
    }

    private TdbDatabase(String file, Map<String, Piecewise> functions, List<Parameter> parameters) {
        this.file = file;
        this.functions = functions;
        this.parameters = parameters;
    }

    /**
     * Reads a file (UTF-8).
     *
     * @param path a TDB file
     * @return its FUNCTION and PARAMETER statements
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming file and line on a malformed statement
     */
    public static TdbDatabase read(Path path) throws IOException {
        return parse(Files.readAllLines(path, StandardCharsets.UTF_8), path.getFileName().toString());
    }

    /**
     * Parses file content.
     *
     * @param lines the file's lines
     * @param file file name used in messages
     * @return its FUNCTION and PARAMETER statements
     * @throws IllegalArgumentException naming file and line on a malformed FUNCTION or PARAMETER
     */
    public static TdbDatabase parse(List<String> lines, String file) {
        Map<String, Piecewise> functions = new LinkedHashMap<>();
        List<Parameter> parameters = new ArrayList<>();
        StringBuilder stmt = new StringBuilder();
        int startLine = 0;
        for (int k = 0; k < lines.size(); k++) {
            String raw = lines.get(k);
            String t = raw.strip();
            if (t.startsWith("$")) {
                continue;
            }
            int bang;
            String rest = raw;
            while ((bang = rest.indexOf('!')) >= 0) {
                if (stmt.length() == 0) {
                    startLine = k + 1;
                }
                stmt.append(' ').append(rest, 0, bang);
                statement(stmt.toString().strip(), file, startLine, functions, parameters);
                stmt.setLength(0);
                rest = rest.substring(bang + 1);
            }
            if (!rest.isBlank()) {
                if (stmt.length() == 0) {
                    startLine = k + 1;
                }
                stmt.append(' ').append(rest);
            }
        }
        if (!stmt.toString().isBlank()) {
            String head = stmt.toString().strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
            if (keyword(head, "FUNCTION") || keyword(head, "PARAMETER")) {
                throw new IllegalArgumentException(file + " line " + startLine + ": statement not terminated by '!'");
            }
        }
        return new TdbDatabase(file, functions, parameters);
    }

    private static boolean keyword(String word, String full) {
        return word.length() >= 4 && full.startsWith(word);
    }

    private static void statement(String s, String file, int line, Map<String, Piecewise> functions, List<Parameter> parameters) {
        if (s.isEmpty()) {
            return;
        }
        String[] head = s.split("\\s+", 2);
        String kw = head[0].toUpperCase(Locale.ROOT);
        if (keyword(kw, "FUNCTION")) {
            if (head.length < 2) {
                throw new IllegalArgumentException(file + " line " + line + ": FUNCTION without a name");
            }
            String[] nb = head[1].strip().split("\\s+", 2);
            String name = nb[0].toUpperCase(Locale.ROOT);
            if (nb.length < 2) {
                throw new IllegalArgumentException(file + " line " + line + ": FUNCTION " + name + " has no value");
            }
            functions.put(name, piecewise(nb[1], file, line, "FUNCTION " + name));
        } else if (keyword(kw, "PARAMETER")) {
            if (head.length < 2) {
                throw new IllegalArgumentException(file + " line " + line + ": PARAMETER without a name");
            }
            String body = head[1].strip();
            int open = body.indexOf('(');
            int close = body.indexOf(')');
            if (open < 1 || close < open) {
                throw new IllegalArgumentException(file + " line " + line + ": expected PARAMETER TYPE(PHASE,CONSTITUENTS;ORDER), got '"
                        + body + "'");
            }
            String type = body.substring(0, open).strip().toUpperCase(Locale.ROOT);
            String inside = body.substring(open + 1, close).toUpperCase(Locale.ROOT).replace(" ", "");
            int semi = inside.indexOf(';');
            int order = 0;
            if (semi >= 0) {
                try {
                    order = Integer.parseInt(inside.substring(semi + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + line + ": bad order '" + inside.substring(semi + 1) + "' in "
                            + type + "(" + inside + ")");
                }
                inside = inside.substring(0, semi);
            }
            int comma = inside.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException(file + " line " + line + ": no constituents in " + type + "(" + inside + ")");
            }
            String phase = inside.substring(0, comma);
            List<List<String>> subl = new ArrayList<>();
            for (String sl : inside.substring(comma + 1).split(":")) {
                subl.add(List.of(sl.split(",")));
            }
            String what = "PARAMETER " + type + "(" + inside + ";" + order + ")";
            parameters.add(new Parameter(type, phase, subl, order, piecewise(body.substring(close + 1), file, line, what)));
        }
    }

    private static Piecewise piecewise(String text, String file, int line, String what) {
        String[] parts = text.split(";");
        List<TdbExpression> exprs = new ArrayList<>();
        List<Double> bounds = new ArrayList<>();
        try {
            String[] first = parts[0].strip().split("\\s+", 2);
            bounds.add(Double.parseDouble(first[0].replace('D', 'E')));
            if (first.length < 2) {
                throw new IllegalArgumentException("no expression after the lower temperature");
            }
            exprs.add(TdbExpression.parse(first[1]));
            for (int k = 1; k < parts.length; k++) {
                String[] t = parts[k].strip().split("\\s+", 3);
                bounds.add(Double.parseDouble(t[0].replace('D', 'E')));
                String flag = t.length > 1 ? t[1].toUpperCase(Locale.ROOT) : "N";
                if (flag.equals("Y")) {
                    if (t.length < 3) {
                        throw new IllegalArgumentException("'Y' is not followed by the next expression");
                    }
                    exprs.add(TdbExpression.parse(t[2]));
                } else if (flag.equals("N")) {
                    break;
                } else {
                    throw new IllegalArgumentException("expected Y or N after the upper temperature " + t[0] + ", got '" + t[1] + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + line + ": " + what + ": " + e.getMessage(), e);
        }
        if (bounds.size() != exprs.size() + 1) {
            throw new IllegalArgumentException(file + " line " + line + ": " + what + ": missing upper temperature limit");
        }
        double[] b = bounds.stream().mapToDouble(Double::doubleValue).toArray();
        return new Piecewise(b, List.copyOf(exprs), line);
    }

    /** @return the file name */
    public String file() {
        return file;
    }

    /** @return FUNCTION names (upper case) */
    public Set<String> functionNames() {
        return functions.keySet();
    }

    /** @return all PARAMETER statements in file order */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Evaluates a FUNCTION at T (nested references resolved recursively).
     *
     * @param name FUNCTION name (any case)
     * @param temperature T (K)
     * @return the value (J/mol for Gibbs-energy functions)
     * @throws IllegalArgumentException on an unknown or circular reference
     */
    public double function(String name, double temperature) {
        return evaluate(function(name), temperature, new HashSet<>(), name.toUpperCase(Locale.ROOT));
    }

    private Piecewise function(String name) {
        Piecewise p = functions.get(name.toUpperCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException(file + ": no FUNCTION " + name);
        }
        return p;
    }

    /**
     * @param p a piecewise expression, e.g. a parameter's value
     * @param temperature T (K)
     * @return the value of a piecewise expression (e.g. a parameter) at T
     * @throws IllegalArgumentException on an unknown or circular FUNCTION reference
     */
    public double evaluate(Piecewise p, double temperature) {
        return evaluate(p, temperature, new HashSet<>(), null);
    }

    private double evaluate(Piecewise p, double t, Set<String> active, String self) {
        if (self != null && !active.add(self)) {
            throw new IllegalArgumentException(file + ": FUNCTION " + self + " refers to itself");
        }
        try {
            return p.at(t).evaluate(new TdbExpression.Environment() {
                @Override
                public double temperature() {
                    return t;
                }

                @Override
                public double composition() {
                    return Double.NaN;
                }

                @Override
                public double function(String name) {
                    return evaluate(TdbDatabase.this.function(name), t, active, name);
                }
            });
        } finally {
            if (self != null) {
                active.remove(self);
            }
        }
    }

    /**
     * The Redlich–Kister interaction parameters L_v of a binary substitutional solution
     * (PARAMETER L(PHASE,A,B:...;v)), matched case-insensitively and in either constituent order.
     *
     * @param phase phase name, e.g. FCC_A1
     * @param elementA one constituent
     * @param elementB the other constituent
     * @return L_v by order, constituents in the order the file writes them
     * @throws IllegalArgumentException when the phase has no L parameter for the pair
     */
    public RedlichKister redlichKister(String phase, String elementA, String elementB) {
        String ph = phase.toUpperCase(Locale.ROOT);
        String a = elementA.toUpperCase(Locale.ROOT);
        String b = elementB.toUpperCase(Locale.ROOT);
        Map<Integer, Piecewise> byOrder = new LinkedHashMap<>();
        String first = null;
        for (Parameter p : parameters) {
            if (!p.type().equals("L") || !p.phase().equals(ph) || p.constituents().isEmpty()) {
                continue;
            }
            List<String> sub = p.constituents().get(0);
            if (sub.size() == 2 && sub.contains(a) && sub.contains(b)) {
                if (first != null && !first.equals(sub.get(0))) {
                    throw new IllegalArgumentException(file + " line " + p.value().line() + ": L parameters of " + a + "-" + b
                            + " are written in both constituent orders");
                }
                first = sub.get(0);
                if (byOrder.put(p.order(), p.value()) != null) {
                    throw new IllegalArgumentException(file + " line " + p.value().line() + ": L(" + ph + "," + a + "," + b + ";"
                            + p.order() + ") appears twice");
                }
            }
        }
        if (byOrder.isEmpty()) {
            throw new IllegalArgumentException(file + ": no PARAMETER L(" + ph + "," + a + "," + b + ";v) in the file");
        }
        int max = byOrder.keySet().stream().mapToInt(Integer::intValue).max().getAsInt();
        List<Piecewise> list = new ArrayList<>();
        for (int v = 0; v <= max; v++) {
            list.add(byOrder.get(v));
        }
        String second = first.equals(a) ? b : a;
        return new RedlichKister(this, ph, first, second, list);
    }
}
