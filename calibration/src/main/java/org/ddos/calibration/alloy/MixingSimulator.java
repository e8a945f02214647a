package org.ddos.calibration.alloy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.sma.SmaParameters;
import org.ddos.descriptors.sma.SmaPotential;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.PeriodicTable;
import org.ddos.descriptors.structure.Structure;

/**
 * Mixing enthalpy and lattice parameter of random fcc solid solutions of one binary at zero
 * pressure, by Monte Carlo ({@link AlloyMonteCarlo}) on a quasirandom supercell
 * ({@link QuasiRandomAlloy}); see {@link MixingResult} for the definitions.
 *
 * <p>Procedure for (cross pair, x, T): the number of B atoms is round(x N); the arrangement for
 * that count is built once and reused (so every parameter set sees the same cell); the 0 K
 * lattice parameter of the unrelaxed arrangement is found by Brent's method on the static energy;
 * the run starts from it scaled by the Vegard mean of the pure thermal expansions at T and
 * equilibrates its volume at P = 0. The pure metals at T are simulated once per temperature
 * with longer runs and cached.
 *
 * <p>Thread-safe: several threads may simulate different points at once (pure runs requested
 * simultaneously are computed once).
 */
public final class MixingSimulator {
    private final SmaBinary binary;
    private final MixingSettings settings;
    private final Structure unitLattice;
    private final Map<String, CompletableFuture<PureElementResult>> pureCache = new ConcurrentHashMap<>();
    private final Map<Integer, QuasiRandomAlloy.Arrangement> arrangements = new ConcurrentHashMap<>();
    private final double[] staticPure = new double[4];

    /**
     * Builds the supercell template and relaxes both pure metals at 0 K.
     *
     * @param binary the homonuclear sets
     * @param settings supercell and run lengths
     */
    public MixingSimulator(SmaBinary binary, MixingSettings settings) {
        this.binary = binary;
        this.settings = settings;
        int c = settings.cells();
        this.unitLattice = Lattices.fcc(binary.elementA(), 1.0, c, c, c);
        for (int s = 0; s < 2; s++) {
            SmaPairParameters p = binary.pure(s);
            double[] m = staticMinimum(SmaParameters.single(binary.element(s), p), pureStructure(s, 1.0), p.r0() * Math.sqrt(2));
            staticPure[2 * s] = m[0];
            staticPure[2 * s + 1] = m[1];
        }
    }

    /** @return the binary */
    public SmaBinary binary() {
        return binary;
    }

    /** @return the settings */
    public MixingSettings settings() {
        return settings;
    }

    /**
     * @param species 0 for A, 1 for B
     * @return the 0 K equilibrium fcc lattice parameter of pure A (0) or B (1) (Å)
     * @throws IllegalArgumentException when species is neither 0 nor 1
     */
    public double staticLatticeParameter(int species) {
        return staticPure[2 * checkSpecies(species)];
    }

    /**
     * @param species 0 for A, 1 for B
     * @return the 0 K energy per atom of pure A (0) or B (1) at its equilibrium (eV/atom)
     * @throws IllegalArgumentException when species is neither 0 nor 1
     */
    public double staticEnergy(int species) {
        return staticPure[2 * checkSpecies(species) + 1];
    }

    private static int checkSpecies(int s) {
        if (s != 0 && s != 1) {
            throw new IllegalArgumentException("species must be 0 (A) or 1 (B), got " + s);
        }
        return s;
    }

    /**
     * The pure metal A (0) or B (1) at T and zero pressure; simulated once per (species, T) with
     * the pure run lengths, then cached (thread-safe: concurrent callers wait for one run).
     *
     * @param species 0 for A, 1 for B
     * @param temperature T (K), positive
     * @return the thermal averages of the pure metal
     * @throws IllegalArgumentException on a bad species or temperature
     */
    public PureElementResult pure(int species, double temperature) {
        checkSpecies(species);
        checkTemperature(temperature);
        String key = species + "@" + Double.doubleToLongBits(temperature);
        CompletableFuture<PureElementResult> f = new CompletableFuture<>();
        CompletableFuture<PureElementResult> prev = pureCache.putIfAbsent(key, f);
        if (prev != null) {
            return prev.join();
        }
        try {
            f.complete(simulatePure(species, temperature));
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
            pureCache.remove(key, f);
            throw e;
        }
        return f.join();
    }

    private PureElementResult simulatePure(int species, double temperature) {
        SmaPairParameters p = binary.pure(species);
        double a0 = staticPure[2 * species];
        // start at a crude thermal expansion (about 1.5e-5 per K); the volume moves do the rest
        Structure s = pureStructure(species, a0 * (1 + 1.5e-5 * temperature));
        long seed = settings.arrangementSeed() * 31 + species * 1_000_003L + Math.round(temperature * 1000);
        AlloyMonteCarlo mc = new AlloyMonteCarlo(s, SmaParameters.single(binary.element(species), p), settings.skin(), seed);
        ThermalAverages avg = mc.run(temperature, settings.pure());
        return new PureElementResult(binary.element(species), a0, staticPure[2 * species + 1], avg);
    }

    /**
     * Mixing point for a heteronuclear set with the binary's cross-pair conventions
     * ({@link SmaBinary#cross}).
     *
     * @param h heteronuclear parameters
     * @param x requested fraction of B, strictly between 0 and 1
     * @param temperature T (K), positive
     * @param seed Monte Carlo seed of the alloy run
     * @return the point, as {@link #simulate(SmaPairParameters, double, double, long)}
     */
    public MixingResult simulate(HeteronuclearParameters h, double x, double temperature, long seed) {
        return simulate(binary.cross(h), x, temperature, seed);
    }

    /**
     * Simulates one mixing point.
     *
     * @param cross the A-B pair
     * @param x requested fraction of B, strictly between 0 and 1 (rounded to whole atoms, at
     *     least one of each)
     * @param temperature T (K), positive
     * @param seed Monte Carlo seed of the alloy run
     * @return the point (x in the result is the simulated fraction)
     * @throws IllegalArgumentException on x outside (0, 1) or a non-positive temperature
     */
    public MixingResult simulate(SmaPairParameters cross, double x, double temperature, long seed) {
        checkTemperature(temperature);
        if (!(x > 0 && x < 1)) {
            throw new IllegalArgumentException("composition x (fraction of " + binary.elementB() + ") must lie in (0, 1), got " + x);
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long cpu0 = bean.getCurrentThreadCpuTime();
        int n = settings.atoms();
        int countB = Math.max(1, Math.min(n - 1, (int) Math.round(x * n)));
        double xs = (double) countB / n;
        QuasiRandomAlloy.Arrangement arr = arrangement(countB);
        SmaParameters params = binary.parameters(cross);
        double vegard0 = (1 - xs) * staticPure[0] + xs * staticPure[2];
        double[] st = staticMinimum(params, alloyStructure(arr, 1.0), vegard0);
        PureElementResult pa = pure(0, temperature);
        PureElementResult pb = pure(1, temperature);
        double expansion = (1 - xs) * pa.latticeParameter() / staticPure[0] + xs * pb.latticeParameter() / staticPure[2];
        Structure start = alloyStructure(arr, st[0] * expansion);
        AlloyMonteCarlo mc = new AlloyMonteCarlo(start, params, settings.skin(), seed);
        ThermalAverages avg = mc.run(temperature, settings.alloy());
        double h = avg.enthalpy();
        double dh = h - xs * pb.enthalpy() - (1 - xs) * pa.enthalpy();
        double err = Math.sqrt(sq(avg.potentialEnergyError()) + sq(xs * pb.averages().potentialEnergyError())
                + sq((1 - xs) * pa.averages().potentialEnergyError()));
        double a = avg.fccLatticeParameter();
        double rms = mc.rmsDisplacement(start.positionsView(), diagonal(start));
        double cpu = (bean.getCurrentThreadCpuTime() - cpu0) * 1e-9;
        return new MixingResult(xs, temperature, n, countB, 1e3 * dh, 1e3 * err, a, avg.fccLatticeParameterError(), h,
                avg.potentialEnergyError(), pa.enthalpy(), pb.enthalpy(), st[0], rms / (a / Math.sqrt(2)),
                arr.warrenCowley()[0], avg.atomAcceptance(), avg.equilibrationSweeps() + avg.productionSweeps(), cpu);
    }

    /**
     * The static (0 K, unrelaxed positions, relaxed volume) mixing energy of the quasirandom
     * arrangement: E(x) - x E_B - (1 - x) E_A per atom at each one's equilibrium lattice
     * parameter. A cheap indicator (a few ms) of the scale of Delta H_mix.
     *
     * @param h heteronuclear parameters
     * @param x fraction of B, strictly between 0 and 1 (rounded to whole atoms)
     * @return {Delta E (meV/atom), lattice parameter (Å)}
     * @throws IllegalArgumentException on x outside (0, 1)
     */
    public double[] staticMixing(HeteronuclearParameters h, double x) {
        if (!(x > 0 && x < 1)) {
            throw new IllegalArgumentException("composition x must lie in (0, 1), got " + x);
        }
        int n = settings.atoms();
        int countB = Math.max(1, Math.min(n - 1, (int) Math.round(x * n)));
        double xs = (double) countB / n;
        QuasiRandomAlloy.Arrangement arr = arrangement(countB);
        double[] st = staticMinimum(binary.parameters(h), alloyStructure(arr, 1.0), (1 - xs) * staticPure[0] + xs * staticPure[2]);
        double de = st[1] - xs * staticPure[3] - (1 - xs) * staticPure[1];
        return new double[] {1e3 * de, st[0]};
    }

    /**
     * The screening indicator of the dataset generator: the static mixing energy of the
     * quasirandom arrangement on the perfect lattice at the Vegard mean of the pure 0 K lattice
     * parameters (one energy evaluation, about 2 ms for 256 atoms).
     *
     * @param h heteronuclear parameters
     * @param x fraction of B, strictly between 0 and 1 (rounded to whole atoms)
     * @return Delta E (meV/atom)
     * @throws IllegalArgumentException on x outside (0, 1)
     */
    public double vegardMixingEnergy(HeteronuclearParameters h, double x) {
        if (!(x > 0 && x < 1)) {
            throw new IllegalArgumentException("composition x must lie in (0, 1), got " + x);
        }
        int n = settings.atoms();
        int countB = Math.max(1, Math.min(n - 1, (int) Math.round(x * n)));
        double xs = (double) countB / n;
        double a = (1 - xs) * staticPure[0] + xs * staticPure[2];
        double e = new SmaPotential(binary.parameters(h)).energy(alloyStructure(arrangement(countB), a)) / n;
        return 1e3 * (e - xs * staticPure[3] - (1 - xs) * staticPure[1]);
    }

    /**
     * @param countB number of B atoms in the supercell
     * @return the quasirandom arrangement used for {@code countB} B atoms (cached)
     */
    public QuasiRandomAlloy.Arrangement arrangement(int countB) {
        return arrangements.computeIfAbsent(countB,
                k -> QuasiRandomAlloy.arrange(unitLattice, k, settings.shells(), settings.arrangementSeed() + 7919L * k));
    }

    private Structure alloyStructure(QuasiRandomAlloy.Arrangement arr, double a) {
        double[][] cell = unitLattice.cell();
        double[] pos = unitLattice.positions();
        for (double[] row : cell) {
            for (int k = 0; k < 3; k++) {
                row[k] *= a;
            }
        }
        for (int i = 0; i < pos.length; i++) {
            pos[i] *= a;
        }
        String[] el = {binary.elementA(), binary.elementB()};
        double[] masses = {PeriodicTable.standardAtomicWeight(el[0]), PeriodicTable.standardAtomicWeight(el[1])};
        return new Structure(cell, pos, arr.species(), el, masses);
    }

    private Structure pureStructure(int species, double a) {
        int c = settings.cells();
        return Lattices.fcc(binary.element(species), a, c, c, c);
    }

    /**
     * Brent minimisation of the static energy per atom over an isotropic scaling of a structure
     * given at lattice parameter 1.
     *
     * @return {a, E/N}
     */
    static double[] staticMinimum(SmaParameters params, Structure unit, double guess) {
        SmaPotential pot = new SmaPotential(params);
        double[][] cell0 = unit.cell();
        double[] pos0 = unit.positions();
        int n = unit.atomCount();
        UnivariateObjectiveFunction f = new UnivariateObjectiveFunction(a -> {
            double[][] c = new double[3][3];
            for (int r = 0; r < 3; r++) {
                for (int k = 0; k < 3; k++) {
                    c[r][k] = cell0[r][k] * a;
                }
            }
            double[] p = new double[pos0.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = pos0[i] * a;
            }
            return pot.energy(new Structure(c, p, unit.species(), unit.elements(), unit.masses())) / n;
        });
        UnivariatePointValuePair r = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(200), f, GoalType.MINIMIZE,
                new SearchInterval(0.85 * guess, 1.15 * guess, guess));
        return new double[] {r.getPoint(), r.getValue()};
    }

    private static double[] diagonal(Structure s) {
        double[][] c = s.cell();
        return new double[] {c[0][0], c[1][1], c[2][2]};
    }

    private static void checkTemperature(double t) {
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + t + " K");
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
