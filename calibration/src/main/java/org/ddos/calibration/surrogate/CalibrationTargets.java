package org.ddos.calibration.surrogate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.ddos.calibration.calphad.RedlichKister;
import org.ddos.calibration.calphad.TdbDatabase;
import org.ddos.calibration.calphad.TdbExpression;
import org.ddos.descriptors.io.SharedDataDirectory;

/**
 * Experimental and assessed targets of a binary A-B (x = fraction of B) for the calibration of its
 * heteronuclear parameters ({@link AlloyCalibration}), read from a YAML file:
 *
 * <pre>
 * system: Cu-Ni
 * enthalpy:                      # Delta H_mix targets; each entry one source
 *   - tdb: shared:tbsma/tdb/CU-NI_COST507_anMey.tdb   # path relative to this file, or shared:PATH
 *     phase: FCC_A1              # Redlich-Kister L parameters of the phase (enthalpy part)
 *     temperature: 1000          # K, the temperature of the simulated Delta H_mix
 *     x: [0.1, 0.25, 0.5, 0.75, 0.9]
 *     sigma: 1.0                 # meV/atom
 *   - formula: "X*(1-X)*(-10970+45*X)"   # TDB expression syntax in X (fraction of B) and T
 *     unit: J/mol                # or meV/atom
 *     temperature: 1000
 *     x: [0.25, 0.5, 0.75]
 *     sigma: 1.0
 *   - points: [{x: 0.5, temperature: 900, value: -10500, unit: J/mol, sigma: 10}]
 * lattice:
 *   pure: {Cu: 3.6149, Ni: 3.5241}   # Å, for the Vegard default and the pure-metal check
 *   temperature: 300
 *   vegard: [0.25, 0.5, 0.75]        # alloy targets on Vegard's line where no data exist
 *   points: [{x: 0.5, value: 3.57}]  # measured alloy lattice parameters (Å), if any
 *   sigma: 0.001                     # relative
 * prior: 0.01                        # ridge toward the arithmetic-mean cross set (box units)
 * </pre>
 *
 * <p>Lattice targets are relative deviations from Vegard's law: the residual compares
 * a_model(x) / Vegard_model(x) with a_target(x) / Vegard_exp(x) (each Vegard line through its own
 * pure metals at T). The heteronuclear parameters cannot move the pure lattice parameters, so an
 * absolute target would only push the alloy to compensate a homonuclear misfit; the pure values
 * are checked separately.
 *
 * @param system "A-B"
 * @param enthalpy Delta H_mix targets
 * @param lattice lattice targets
 * @param pureLattice experimental pure lattice parameters (Å), keyed by element (may be empty)
 * @param latticeTemperature temperature of the lattice targets and of the pure check (K)
 * @param curves continuous target curves for plots (label, T, Delta H(x) in meV/atom)
 * @param prior weight of the ridge toward the arithmetic-mean cross set
 */
public record CalibrationTargets(String system, List<EnthalpyTarget> enthalpy, List<LatticeTarget> lattice,
        Map<String, Double> pureLattice, double latticeTemperature, List<EnthalpyCurve> curves, double prior) {

    /**
     * One mixing-enthalpy target.
     *
     * @param x fraction of B
     * @param temperature T (K)
     * @param value Delta H_mix (meV/atom)
     * @param sigma its tolerance (meV/atom), the residual's unit
     * @param source where the value comes from
     */
    public record EnthalpyTarget(double x, double temperature, double value, double sigma, String source) {
    }

    /**
     * One lattice target.
     *
     * @param x fraction of B
     * @param temperature T (K)
     * @param value a (Å)
     * @param vegard the experimental Vegard value at x (Å), the reference of the relative deviation
     * @param sigma tolerance of the relative deviation a / Vegard
     * @param source where the value comes from
     */
    public record LatticeTarget(double x, double temperature, double value, double vegard, double sigma, String source) {
        /** @return value / vegard, the target ratio */
        public double ratio() {
            return value / vegard;
        }
    }

    /**
     * A continuous target curve for plots.
     *
     * @param label legend label
     * @param temperature T (K)
     * @param curve Delta H(x) in meV/atom
     */
    public record EnthalpyCurve(String label, double temperature, DoubleUnaryOperator curve) {
    }

    private static final Set<String> TOP = Set.of("system", "enthalpy", "lattice", "prior");

    /**
     * Reads a targets file.
     *
     * @param file YAML targets file (keys system, enthalpy, lattice, prior)
     * @return the validated targets
     * @throws IOException when the file cannot be read or is not valid YAML
     * @throws IllegalArgumentException naming the file and key on a missing or invalid entry
     */
    public static CalibrationTargets read(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        String name = file.getFileName().toString();
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(name + ": expected a YAML mapping with keys " + TOP);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!TOP.contains(k)) {
                throw new IllegalArgumentException(name + ": unknown key '" + k + "' (allowed: " + TOP + ")");
            }
        }
        String system = text(root, "system", name);
        String[] el = system.split("-");
        if (el.length != 2) {
            throw new IllegalArgumentException(name + ": system must be A-B, got '" + system + "'");
        }
        Path base = file.toAbsolutePath().getParent();
        List<EnthalpyTarget> enthalpy = new ArrayList<>();
        List<EnthalpyCurve> curves = new ArrayList<>();
        JsonNode hs = root.get("enthalpy");
        if (hs != null) {
            if (!hs.isArray()) {
                throw new IllegalArgumentException(name + ": 'enthalpy' must be a list of sources");
            }
            for (JsonNode e : hs) {
                readEnthalpy(e, el, base, name, enthalpy, curves);
            }
        }
        List<LatticeTarget> lattice = new ArrayList<>();
        Map<String, Double> pure = new LinkedHashMap<>();
        double latticeT = 300;
        JsonNode ls = root.get("lattice");
        if (ls != null) {
            latticeT = number(ls, "temperature", 300, name + " lattice");
            double sigma = number(ls, "sigma", 0.001, name + " lattice");
            JsonNode p = ls.get("pure");
            if (p != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (!f.getValue().isNumber()) {
                        throw new IllegalArgumentException(name + ": lattice.pure." + f.getKey() + " must be a number (Å)");
                    }
                    pure.put(f.getKey(), f.getValue().asDouble());
                }
            }
            boolean needVegard = ls.has("vegard") || ls.has("points");
            if (needVegard && (!pure.containsKey(el[0]) || !pure.containsKey(el[1]))) {
                throw new IllegalArgumentException(name + ": lattice targets need lattice.pure values for " + el[0] + " and " + el[1]);
            }
            if (ls.has("vegard")) {
                for (double x : numbers(ls.get("vegard"), name + " lattice.vegard")) {
                    double v = vegard(pure, el, x);
                    lattice.add(new LatticeTarget(checkX(x, name), latticeT, v, v, sigma, "Vegard's law"));
                }
            }
            if (ls.has("points")) {
                for (JsonNode pt : ls.get("points")) {
                    double x = checkX(number(pt, "x", Double.NaN, name + " lattice.points"), name);
                    double t = number(pt, "temperature", latticeT, name + " lattice.points");
                    lattice.add(new LatticeTarget(x, t, number(pt, "value", Double.NaN, name + " lattice.points"), vegard(pure, el, x),
                            number(pt, "sigma", sigma, name + " lattice.points"), textOr(pt, "source", "measured")));
                }
            }
        }
        double prior = root.has("prior") ? number(root, "prior", 0.01, name) : 0.01;
        if (enthalpy.isEmpty() && lattice.isEmpty()) {
            throw new IllegalArgumentException(name + ": no targets (give 'enthalpy' and/or 'lattice')");
        }
        return new CalibrationTargets(system, List.copyOf(enthalpy), List.copyOf(lattice), pure, latticeT, List.copyOf(curves), prior);
    }

    private static void readEnthalpy(JsonNode e, String[] el, Path base, String name, List<EnthalpyTarget> out,
            List<EnthalpyCurve> curves) throws IOException {
        String where = name + " enthalpy";
        if (e.has("points")) {
            for (JsonNode p : e.get("points")) {
                double x = checkX(number(p, "x", Double.NaN, where + ".points"), name);
                double t = number(p, "temperature", Double.NaN, where + ".points");
                double v = number(p, "value", Double.NaN, where + ".points") * unit(textOr(p, "unit", "meV/atom"), where);
                out.add(new EnthalpyTarget(x, t, v, number(p, "sigma", 1.0, where + ".points"), textOr(p, "source", "measured point")));
            }
            return;
        }
        double t = number(e, "temperature", Double.NaN, where);
        double sigma = number(e, "sigma", 1.0, where);
        double[] xs = numbers(e.get("x"), where + ".x");
        DoubleUnaryOperator curve;
        String label;
        if (e.has("tdb")) {
            Path tdb = resolve(text(e, "tdb", where), base, name);
            RedlichKister rk = TdbDatabase.read(tdb).redlichKister(textOr(e, "phase", "FCC_A1"), el[0], el[1]);
            curve = x -> rk.excessEnthalpyMeV(el[1], x, t);
            label = textOr(e, "label", "CALPHAD " + tdb.getFileName());
        } else if (e.has("formula")) {
            TdbExpression f = TdbExpression.parse(text(e, "formula", where));
            double u = unit(textOr(e, "unit", "J/mol"), where);
            curve = x -> f.evaluate(t, x) * u;
            label = textOr(e, "label", "formula " + f.text());
        } else {
            throw new IllegalArgumentException(where + ": each entry needs 'tdb', 'formula' or 'points'");
        }
        for (double x : xs) {
            out.add(new EnthalpyTarget(checkX(x, name), t, curve.applyAsDouble(x), sigma, label));
        }
        curves.add(new EnthalpyCurve(label, t, curve));
    }

    private static double vegard(Map<String, Double> pure, String[] el, double x) {
        return (1 - x) * pure.get(el[0]) + x * pure.get(el[1]);
    }

    private static Path resolve(String path, Path base, String name) {
        if (path.startsWith("shared:")) {
            String rel = path.substring("shared:".length());
            Optional<Path> p = SharedDataDirectory.dataFile(rel);
            if (p.isEmpty()) {
                throw new IllegalArgumentException(name + ": shared data file " + rel + " not found (set DDOS_SHARED_DATA)");
            }
            return p.get();
        }
        Path p = base.resolve(path);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException(name + ": file " + p + " not found");
        }
        return p;
    }

    private static double unit(String u, String where) {
        return switch (u.toLowerCase(Locale.ROOT).replace(" ", "")) {
            case "j/mol" -> RedlichKister.MEV_PER_JOULE_PER_MOL;
            case "kj/mol" -> 1e3 * RedlichKister.MEV_PER_JOULE_PER_MOL;
            case "mev/atom", "mev" -> 1.0;
            case "ev/atom", "ev" -> 1e3;
            default -> throw new IllegalArgumentException(where + ": unknown unit '" + u + "' (J/mol, kJ/mol, meV/atom, eV/atom)");
        };
    }

    private static double checkX(double x, String name) {
        if (!(x > 0 && x < 1)) {
            throw new IllegalArgumentException(name + ": target compositions must lie in (0, 1), got " + x);
        }
        return x;
    }

    private static String text(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(where + ": missing text key '" + key + "'");
        }
        return v.asText();
    }

    private static String textOr(JsonNode n, String key, String def) {
        JsonNode v = n.get(key);
        return v == null ? def : v.asText();
    }

    private static double number(JsonNode n, String key, double def, String where) {
        JsonNode v = n.get(key);
        if (v == null) {
            if (Double.isNaN(def)) {
                throw new IllegalArgumentException(where + ": missing number '" + key + "'");
            }
            return def;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a number, got '" + v.asText() + "'");
        }
        return v.asDouble();
    }

    private static double[] numbers(JsonNode n, String where) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new IllegalArgumentException(where + ": expected a non-empty list of numbers");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            if (!n.get(i).isNumber()) {
                throw new IllegalArgumentException(where + ": '" + n.get(i).asText() + "' is not a number");
            }
            v[i] = n.get(i).asDouble();
        }
        return v;
    }
}
