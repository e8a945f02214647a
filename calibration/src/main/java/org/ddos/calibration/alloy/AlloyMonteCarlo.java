package org.ddos.calibration.alloy;

import java.util.SplittableRandom;
import org.ddos.descriptors.sma.SmaPairTerms;
import org.ddos.descriptors.sma.SmaParameters;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;

/**
 * Metropolis Monte Carlo of a crystal with the second-moment (TB-SMA) potential of
 * {@link org.ddos.descriptors.sma.SmaPotential}, in the isothermal-isobaric ensemble at zero
 * pressure (single-atom displacement moves and isotropic ln V moves) or, without volume moves, at
 * constant volume. Species never change (no swap moves): a random alloy stays the random alloy
 * it was built as.
 *
 * <p><b>Local energy changes.</b> With E = sum_i [ sum_{j != i} phi(r_ij) - sqrt(rho_i) ] and
 * rho_i = sum_j Xi(r_ij)^2, moving atom k changes only the bonds k-j: the repulsion by
 * 2 sum_j dphi_kj (each bond counts twice), the band term of k, and the band term of each
 * neighbour j through the single bond k-j:
 * <pre>
 *   dE = 2 sum_j dphi_kj - [sqrt(rho_k + sum_j dXi2_kj) - sqrt(rho_k)] - sum_j [sqrt(rho_j + dXi2_kj) - sqrt(rho_j)].
 * </pre>
 * Per-bond phi and Xi^2 and per-atom rho are cached, so an atom move costs one pass over its
 * ~42 neighbours (fcc, cutoff at the third shell) and allocates nothing. A volume move scales all
 * bond lengths by lambda = (V'/V)^(1/3) and recomputes every bond (and resets the caches, which
 * removes round-off drift). Acceptance of ln V moves at pressure P = 0 (Frenkel and Smit,
 * <i>Understanding Molecular Simulation</i>, 2nd ed., sect. 5.4):
 * min(1, exp(-beta dU + (N + 1) ln(V'/V))).
 *
 * <p><b>Bond list.</b> The cell must be orthorhombic (cell vectors along x, y, z). The starting
 * positions are the lattice sites; bonds are listed once, with their periodic image fixed, for all
 * site pairs closer than cutoff + skin, and positions are never wrapped, so a bond's image stays
 * right. With lambda = L / L_sites and u_i = r_i - lambda site_i, an unlisted pair is at least
 * lambda D - |u_i| - |u_j| apart, D the shortest unlisted site distance; the list is therefore
 * exact while |u_i| + |u_j| &lt;= lambda D - cutoff, which every move checks (against the
 * current maximum of |u|, kept up to date). A move that would break it first lists again around the same sites with a skin
 * larger by 0.25 Å (around the current positions when the cell is too small for that). On an fcc
 * lattice a 1 Å skin lists four shells and D is the fifth-shell distance; the skin grows at most
 * once or twice in a hot solid. The centre-of-mass drift of the atom moves (a free translation)
 * is removed after every sweep, which changes no energy. Each half cell width must exceed
 * cutoff + skin.
 *
 * <p>Mutable and not thread-safe: one instance per thread. Deterministic given the seed.
 */
public final class AlloyMonteCarlo {
    private final int n;
    private final int speciesCount;
    private final int[] species;
    private final SmaPairTerms[] terms;
    private final double[] bondCutoff;
    private final double cutoff;
    private double skin;
    private final double[] x;
    private final double[] box = new double[3];
    private final SplittableRandom random;

    // bond list (each unordered pair once, d_ij = x_j - x_i + shift (x) L) and per-atom bond ids
    private int bondCount;
    private int[] bondI = new int[0];
    private int[] bondJ = new int[0];
    private int[] bondType = new int[0];
    private double[] bondShift = new double[0];
    private double[] bondR = new double[0];
    private double[] bondPhi = new double[0];
    private double[] bondXi2 = new double[0];
    private double[] trialPhi = new double[0];
    private double[] trialXi2 = new double[0];
    private final int[] atomStart;
    private int[] atomBonds = new int[0];
    private int[] entryNeighbor = new int[0];
    private double[] entryShift = new double[0];
    private final double[] rho;
    private final double[] sqrtRho;
    private final double[] trialRho;

    // list validity bookkeeping: sites at the last build, their box, |u_i| = |x_i - lambda site_i|
    private final double[] sites;
    private final double[] sitesBox = new double[3];
    private final double[] lattice;
    private final double[] latticeBox = new double[3];
    private final double[] displacementNorm;
    private double maxDisplacementNorm;
    private int maxDisplacementAtom;
    private double nearestUnlisted;
    private int rebuilds;

    // per-move scratch
    private double[] moveR = new double[64];
    private double[] movePhi = new double[64];
    private double[] moveXi2 = new double[64];
    private final double[] values = new double[2];
    private final double[] derivatives = new double[4];

    private double energy;
    private double maxDisplacement = 0.05;
    private double maxLogVolumeStep = 0.002;
    private long atomTrials;
    private long atomAccepted;
    private long volumeTrials;
    private long volumeAccepted;

    /**
     * @param structure the starting configuration; its cell must be orthorhombic (off-diagonal
     *     entries zero) with every half width above {@code parameters.maxCutoff() + skin}
     * @param parameters SMA parameters covering every element of the structure
     * @param skin bond-list skin (Å), positive; 0.5–1 Å is ample for a solid
     * @param seed random seed (SplitMix64 via {@link SplittableRandom}: identical on every JVM)
     * @throws IllegalArgumentException on a non-orthorhombic or too small cell, an element
     *     without parameters or a bad skin
     */
    public AlloyMonteCarlo(Structure structure, SmaParameters parameters, double skin, long seed) {
        double[][] c = structure.cell();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                if (a != b && c[a][b] != 0) {
                    throw new IllegalArgumentException("Monte Carlo needs an orthorhombic cell (cell[" + a + "][" + b
                            + "] = " + c[a][b] + " Å is not zero)");
                }
            }
            box[a] = c[a][a];
        }
        if (!(skin > 0) || !Double.isFinite(skin)) {
            throw new IllegalArgumentException("bond-list skin must be positive and finite, got " + skin + " Å");
        }
        this.skin = skin;
        this.cutoff = parameters.maxCutoff();
        for (int a = 0; a < 3; a++) {
            if (box[a] / 2 <= cutoff + skin) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "cell width %.4f Å along axis %d is below 2 (cutoff %.4f + skin %.4f) Å: use a larger supercell",
                        box[a], a, cutoff, skin));
            }
        }
        n = structure.atomCount();
        String[] el = structure.elements();
        speciesCount = el.length;
        terms = new SmaPairTerms[speciesCount * speciesCount];
        for (int s = 0; s < speciesCount; s++) {
            int ps = parameters.indexOf(el[s]);
            if (ps < 0) {
                throw new IllegalArgumentException("SMA parameters have no element " + el[s] + " (they cover "
                        + String.join(", ", parameters.elements()) + ")");
            }
            for (int t = 0; t < speciesCount; t++) {
                int pt = parameters.indexOf(el[t]);
                if (pt < 0) {
                    throw new IllegalArgumentException("SMA parameters have no element " + el[t]);
                }
                terms[s * speciesCount + t] = new SmaPairTerms(parameters.pair(ps, pt));
            }
        }
        bondCutoff = new double[terms.length];
        for (int t = 0; t < terms.length; t++) {
            bondCutoff[t] = terms[t].cutoff();
        }
        species = structure.species();
        x = structure.positions();
        atomStart = new int[n + 1];
        rho = new double[n];
        sqrtRho = new double[n];
        trialRho = new double[n];
        sites = new double[3 * n];
        displacementNorm = new double[n];
        lattice = x.clone();
        System.arraycopy(box, 0, latticeBox, 0, 3);
        random = new SplittableRandom(seed);
        buildBonds(lattice, latticeBox);
    }

    /** @return N */
    public int atomCount() {
        return n;
    }

    /** @return the current potential energy U (eV), maintained incrementally */
    public double energy() {
        return energy;
    }

    /** @return the current volume (Å^3) */
    public double volume() {
        return box[0] * box[1] * box[2];
    }

    /** @return the current box lengths (Å), a copy */
    public double[] boxLengths() {
        return box.clone();
    }

    /** @return how many times the bond list was rebuilt after construction (box rescaling included) */
    public int rebuilds() {
        return rebuilds - 1;
    }

    /** @return the current bond-list skin (Å); it grows by 0.25 Å whenever the list was too short */
    public double skin() {
        return skin;
    }

    /**
     * @param template the structure the run started from (supplies species, element names and masses)
     * @return the current configuration (same species and masses, orthorhombic cell)
     */
    public Structure structure(Structure template) {
        double[][] cell = {{box[0], 0, 0}, {0, box[1], 0}, {0, 0, box[2]}};
        return new Structure(cell, x, template.species(), template.elements(), template.masses());
    }

    /** @return the current positions (Å), a copy, length 3N */
    public double[] positions() {
        return x.clone();
    }

    /** @return the maximum single-coordinate displacement of atom moves (Å) */
    public double maxDisplacement() {
        return maxDisplacement;
    }

    /** @param d the maximum displacement per Cartesian component of an atom move (Å), positive */
    public void setMaxDisplacement(double d) {
        if (!(d > 0) || !Double.isFinite(d)) {
            throw new IllegalArgumentException("maximum displacement must be positive, got " + d + " Å");
        }
        maxDisplacement = d;
    }

    /** @return the maximum |ln V' - ln V| of a volume move */
    public double maxLogVolumeStep() {
        return maxLogVolumeStep;
    }

    /** @param d maximum |ln V' - ln V| of a volume move, positive */
    public void setMaxLogVolumeStep(double d) {
        if (!(d > 0) || !Double.isFinite(d)) {
            throw new IllegalArgumentException("maximum ln V step must be positive, got " + d);
        }
        maxLogVolumeStep = d;
    }

    /** @return accepted / attempted atom moves since the last {@link #resetCounters()} (NaN if none) */
    public double atomAcceptance() {
        return atomTrials == 0 ? Double.NaN : (double) atomAccepted / atomTrials;
    }

    /** @return accepted / attempted volume moves since the last {@link #resetCounters()} (NaN if none) */
    public double volumeAcceptance() {
        return volumeTrials == 0 ? Double.NaN : (double) volumeAccepted / volumeTrials;
    }

    /** Zeroes the acceptance counters. */
    public void resetCounters() {
        atomTrials = 0;
        atomAccepted = 0;
        volumeTrials = 0;
        volumeAccepted = 0;
    }

    /**
     * Scales the box and all positions isotropically by {@code factor} (no acceptance test) and
     * recomputes the energy; e.g. to start from a guessed lattice parameter.
     *
     * @param factor linear scale factor (&gt; 0, finite)
     * @throws IllegalArgumentException when the factor is not positive and finite, or the scaled box
     *     would be too small for the bond list
     */
    public void scale(double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive, got " + factor);
        }
        for (int a = 0; a < 3; a++) {
            if (box[a] * factor / 2 <= cutoff + skin) {
                throw new IllegalArgumentException("scaled cell width " + box[a] * factor + " Å is too small for cutoff "
                        + cutoff + " Å + skin " + skin + " Å");
            }
        }
        for (int a = 0; a < 3; a++) {
            box[a] *= factor;
        }
        for (int i = 0; i < 3 * n; i++) {
            x[i] *= factor;
        }
        buildBonds(lattice, latticeBox);
    }

    /**
     * One sweep: N single-atom moves (atoms chosen at random, displacement uniform in the cube
     * [-d, d]^3) and {@code volumeMoves} isotropic volume moves at pressure 0, in random order.
     *
     * @param temperature T in K, positive
     * @param volumeMoves volume moves per sweep (0: constant volume)
     */
    public void sweep(double temperature, int volumeMoves) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature + " K");
        }
        double beta = 1.0 / (PhysicalConstants.BOLTZMANN_EV_PER_K * temperature);
        int total = n + volumeMoves;
        for (int m = 0; m < total; m++) {
            if (volumeMoves > 0 && random.nextInt(total) < volumeMoves) {
                volumeMove(beta);
            } else {
                atomMove(random.nextInt(n), beta);
            }
        }
        removeDrift();
    }

    /** Translates all atoms so that their mean displacement from the sites is zero (energy unchanged). */
    private void removeDrift() {
        double lambda = box[0] / sitesBox[0];
        double mx = 0;
        double my = 0;
        double mz = 0;
        for (int i = 0; i < n; i++) {
            mx += x[3 * i] - lambda * sites[3 * i];
            my += x[3 * i + 1] - lambda * sites[3 * i + 1];
            mz += x[3 * i + 2] - lambda * sites[3 * i + 2];
        }
        mx /= n;
        my /= n;
        mz /= n;
        for (int i = 0; i < n; i++) {
            x[3 * i] -= mx;
            x[3 * i + 1] -= my;
            x[3 * i + 2] -= mz;
            double ux = x[3 * i] - lambda * sites[3 * i];
            double uy = x[3 * i + 1] - lambda * sites[3 * i + 1];
            double uz = x[3 * i + 2] - lambda * sites[3 * i + 2];
            displacementNorm[i] = Math.sqrt(ux * ux + uy * uy + uz * uz);
        }
        updateMaxDisplacement();
    }

    private void atomMove(int k, double beta) {
        atomTrials++;
        double d = maxDisplacement;
        double nx = x[3 * k] + d * (2 * random.nextDouble() - 1);
        double ny = x[3 * k + 1] + d * (2 * random.nextDouble() - 1);
        double nz = x[3 * k + 2] + d * (2 * random.nextDouble() - 1);
        double lambda = box[0] / sitesBox[0];
        double ux = nx - lambda * sites[3 * k];
        double uy = ny - lambda * sites[3 * k + 1];
        double uz = nz - lambda * sites[3 * k + 2];
        double uNew = Math.sqrt(ux * ux + uy * uy + uz * uz);
        if (uNew + maxDisplacementNorm > lambda * nearestUnlisted - cutoff) {
            growList(); // the trial position could meet an unlisted atom
            lambda = box[0] / sitesBox[0];
            ux = nx - lambda * sites[3 * k];
            uy = ny - lambda * sites[3 * k + 1];
            uz = nz - lambda * sites[3 * k + 2];
            uNew = Math.sqrt(ux * ux + uy * uy + uz * uz);
        }
        double lx = box[0];
        double ly = box[1];
        double lz = box[2];
        double dPhi = 0;
        double dRhoK = 0;
        double dSqrtNeighbours = 0;
        int s0 = atomStart[k];
        int s1 = atomStart[k + 1];
        for (int e = s0; e < s1; e++) {
            int b = atomBonds[e];
            int j = entryNeighbor[e];
            double rx = x[3 * j] - nx + entryShift[3 * e] * lx;
            double ry = x[3 * j + 1] - ny + entryShift[3 * e + 1] * ly;
            double rz = x[3 * j + 2] - nz + entryShift[3 * e + 2] * lz;
            double r = Math.sqrt(rx * rx + ry * ry + rz * rz);
            int m = e - s0;
            moveR[m] = r;
            if (r >= bondCutoff[bondType[b]]) {
                movePhi[m] = 0;
                moveXi2[m] = 0;
                if (bondXi2[b] == 0 && bondPhi[b] == 0) {
                    continue;
                }
            } else {
                terms[bondType[b]].values(r, values);
                movePhi[m] = values[0];
                moveXi2[m] = values[1];
            }
            dPhi += movePhi[m] - bondPhi[b];
            double dx2 = moveXi2[m] - bondXi2[b];
            dRhoK += dx2;
            dSqrtNeighbours += Math.sqrt(Math.max(0, rho[j] + dx2)) - sqrtRho[j];
        }
        double newSqrtK = Math.sqrt(Math.max(0, rho[k] + dRhoK));
        double dE = 2 * dPhi - (newSqrtK - sqrtRho[k]) - dSqrtNeighbours;
        if (dE > 0 && random.nextDouble() >= Math.exp(-beta * dE)) {
            return;
        }
        atomAccepted++;
        x[3 * k] = nx;
        x[3 * k + 1] = ny;
        x[3 * k + 2] = nz;
        displacementNorm[k] = uNew;
        if (uNew >= maxDisplacementNorm) {
            maxDisplacementNorm = uNew;
            maxDisplacementAtom = k;
        } else if (k == maxDisplacementAtom) {
            updateMaxDisplacement(); // the farthest atom came back: O(N), once per N moves on average
        }
        for (int e = s0; e < s1; e++) {
            int b = atomBonds[e];
            int m = e - s0;
            double dx2 = moveXi2[m] - bondXi2[b];
            if (dx2 != 0) {
                int j = entryNeighbor[e];
                rho[j] = Math.max(0, rho[j] + dx2);
                sqrtRho[j] = Math.sqrt(rho[j]);
            }
            bondR[b] = moveR[m];
            bondPhi[b] = movePhi[m];
            bondXi2[b] = moveXi2[m];
        }
        rho[k] = Math.max(0, rho[k] + dRhoK);
        sqrtRho[k] = newSqrtK;
        energy += dE;
    }

    /** Recomputes the largest |u_i| (and its atom) and returns the second largest. */
    private double updateMaxDisplacement() {
        double m = 0;
        double second = 0;
        int arg = 0;
        for (int i = 0; i < n; i++) {
            double u = displacementNorm[i];
            if (u > m) {
                second = m;
                m = u;
                arg = i;
            } else if (u > second) {
                second = u;
            }
        }
        maxDisplacementNorm = m;
        maxDisplacementAtom = arg;
        return second;
    }

    private void volumeMove(double beta) {
        volumeTrials++;
        double dlnV = maxLogVolumeStep * (2 * random.nextDouble() - 1);
        double mu = Math.exp(dlnV / 3);
        for (int a = 0; a < 3; a++) {
            if (box[a] * mu / 2 <= cutoff + skin) {
                return; // rejected: the bond list cannot describe such a small cell
            }
        }
        double second = updateMaxDisplacement();
        if (mu * (maxDisplacementNorm + second) > mu * box[0] / sitesBox[0] * nearestUnlisted - cutoff) {
            growList();
        }
        double rep = 0;
        java.util.Arrays.fill(trialRho, 0);
        for (int b = 0; b < bondCount; b++) {
            double r = mu * bondR[b];
            int t = bondType[b];
            if (r >= bondCutoff[t]) {
                trialPhi[b] = 0;
                trialXi2[b] = 0;
                continue;
            }
            terms[t].values(r, values);
            trialPhi[b] = values[0];
            trialXi2[b] = values[1];
            rep += values[0];
            trialRho[bondI[b]] += values[1];
            trialRho[bondJ[b]] += values[1];
        }
        double band = 0;
        for (int i = 0; i < n; i++) {
            band += Math.sqrt(trialRho[i]);
        }
        double eNew = 2 * rep - band;
        double dE = eNew - energy;
        double logAcc = -beta * dE + (n + 1) * dlnV;
        if (logAcc < 0 && random.nextDouble() >= Math.exp(logAcc)) {
            return;
        }
        volumeAccepted++;
        for (int a = 0; a < 3; a++) {
            box[a] *= mu;
        }
        for (int i = 0; i < 3 * n; i++) {
            x[i] *= mu;
        }
        for (int i = 0; i < n; i++) {
            displacementNorm[i] *= mu;
        }
        maxDisplacementNorm *= mu;
        for (int b = 0; b < bondCount; b++) {
            bondR[b] *= mu;
        }
        double[] t = bondPhi;
        bondPhi = trialPhi;
        trialPhi = t;
        t = bondXi2;
        bondXi2 = trialXi2;
        trialXi2 = t;
        for (int i = 0; i < n; i++) {
            rho[i] = trialRho[i];
            sqrtRho[i] = Math.sqrt(rho[i]);
        }
        energy = eNew;
    }

    /**
     * After a move found the list too short: list again around the lattice sites with a skin
     * larger by 0.25 Å, or, when the cell cannot hold that, around the current positions.
     */
    private void growList() {
        double bigger = skin + 0.25;
        boolean fits = true;
        for (int a = 0; a < 3; a++) {
            fits &= box[a] / 2 > cutoff + bigger;
        }
        if (fits) {
            skin = bigger;
            buildBonds(lattice, latticeBox);
        } else {
            buildBonds(x.clone(), box.clone());
        }
    }

    /**
     * Lists every minimum-image pair of {@code siteSource} (scaled to the current box) closer
     * than cutoff + skin with its image shift, records those scaled sites, the displacements from
     * them and the nearest unlisted site distance, then recomputes all caches from the positions.
     *
     * @param siteSource site positions (Å) in the box {@code sourceBox}
     */
    private void buildBonds(double[] siteSource, double[] sourceBox) {
        double rl = cutoff + skin;
        double rl2 = rl * rl;
        double lx = box[0];
        double ly = box[1];
        double lz = box[2];
        double scale = box[0] / sourceBox[0];
        for (int i = 0; i < 3 * n; i++) {
            sites[i] = scale * siteSource[i];
        }
        System.arraycopy(box, 0, sitesBox, 0, 3);
        int cap = Math.max(16, 64 * n);
        int[] bi = new int[cap];
        int[] bj = new int[cap];
        double[] bs = new double[3 * cap];
        int count = 0;
        double nearest2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double rx = sites[3 * j] - sites[3 * i];
                double ry = sites[3 * j + 1] - sites[3 * i + 1];
                double rz = sites[3 * j + 2] - sites[3 * i + 2];
                double sx = -Math.rint(rx / lx);
                double sy = -Math.rint(ry / ly);
                double sz = -Math.rint(rz / lz);
                rx += sx * lx;
                ry += sy * ly;
                rz += sz * lz;
                double r2 = rx * rx + ry * ry + rz * rz;
                if (r2 >= rl2) {
                    nearest2 = Math.min(nearest2, r2);
                } else {
                    if (count == cap) {
                        cap *= 2;
                        bi = java.util.Arrays.copyOf(bi, cap);
                        bj = java.util.Arrays.copyOf(bj, cap);
                        bs = java.util.Arrays.copyOf(bs, 3 * cap);
                    }
                    bi[count] = i;
                    bj[count] = j;
                    bs[3 * count] = sx;
                    bs[3 * count + 1] = sy;
                    bs[3 * count + 2] = sz;
                    count++;
                }
            }
        }
        bondCount = count;
        bondI = java.util.Arrays.copyOf(bi, count);
        bondJ = java.util.Arrays.copyOf(bj, count);
        bondShift = java.util.Arrays.copyOf(bs, 3 * count);
        bondType = new int[count];
        bondR = new double[count];
        bondPhi = new double[count];
        bondXi2 = new double[count];
        trialPhi = new double[count];
        trialXi2 = new double[count];
        java.util.Arrays.fill(atomStart, 0);
        for (int b = 0; b < count; b++) {
            atomStart[bondI[b] + 1]++;
            atomStart[bondJ[b] + 1]++;
            bondType[b] = species[bondI[b]] * speciesCount + species[bondJ[b]];
        }
        int maxDeg = 0;
        for (int i = 0; i < n; i++) {
            maxDeg = Math.max(maxDeg, atomStart[i + 1]);
            atomStart[i + 1] += atomStart[i];
        }
        atomBonds = new int[2 * count];
        entryNeighbor = new int[2 * count];
        entryShift = new double[6 * count];
        int[] fill = new int[n];
        for (int b = 0; b < count; b++) {
            int ei = atomStart[bondI[b]] + fill[bondI[b]]++;
            int ej = atomStart[bondJ[b]] + fill[bondJ[b]]++;
            atomBonds[ei] = b;
            atomBonds[ej] = b;
            entryNeighbor[ei] = bondJ[b];
            entryNeighbor[ej] = bondI[b];
            for (int a = 0; a < 3; a++) {
                entryShift[3 * ei + a] = bondShift[3 * b + a];
                entryShift[3 * ej + a] = -bondShift[3 * b + a];
            }
        }
        if (moveR.length < maxDeg) {
            moveR = new double[maxDeg];
            movePhi = new double[maxDeg];
            moveXi2 = new double[maxDeg];
        }
        for (int i = 0; i < n; i++) {
            double ux = x[3 * i] - sites[3 * i];
            double uy = x[3 * i + 1] - sites[3 * i + 1];
            double uz = x[3 * i + 2] - sites[3 * i + 2];
            displacementNorm[i] = Math.sqrt(ux * ux + uy * uy + uz * uz);
        }
        updateMaxDisplacement();
        // the nearest unlisted pair (minimum image); with no unlisted pair the list is always complete
        nearestUnlisted = Double.isInfinite(nearest2) ? Double.POSITIVE_INFINITY : Math.sqrt(nearest2);
        rebuilds++;
        recomputeCaches();
    }

    private void recomputeCaches() {
        double lx = box[0];
        double ly = box[1];
        double lz = box[2];
        java.util.Arrays.fill(rho, 0);
        for (int b = 0; b < bondCount; b++) {
            int i = bondI[b];
            int j = bondJ[b];
            double rx = x[3 * j] - x[3 * i] + bondShift[3 * b] * lx;
            double ry = x[3 * j + 1] - x[3 * i + 1] + bondShift[3 * b + 1] * ly;
            double rz = x[3 * j + 2] - x[3 * i + 2] + bondShift[3 * b + 2] * lz;
            double r = Math.sqrt(rx * rx + ry * ry + rz * rz);
            terms[bondType[b]].values(r, values);
            bondR[b] = r;
            bondPhi[b] = values[0];
            bondXi2[b] = values[1];
        }
        // sums in a fixed order (bond index), so the energy does not depend on how it was reached
        double rep = 0;
        for (int b = 0; b < bondCount; b++) {
            rep += bondPhi[b];
            rho[bondI[b]] += bondXi2[b];
            rho[bondJ[b]] += bondXi2[b];
        }
        double band = 0;
        for (int i = 0; i < n; i++) {
            sqrtRho[i] = Math.sqrt(rho[i]);
            band += sqrtRho[i];
        }
        energy = 2 * rep - band;
    }

    /**
     * Equilibrates and then samples at temperature T: during equilibration the step sizes are
     * adapted every 10 sweeps toward the target acceptance (then frozen, so production obeys
     * detailed balance); production records U/N and V/N after every sweep, and the statistical
     * errors come from block averaging (the standard error of the block means).
     *
     * @param temperature T in K
     * @param settings sweeps, blocks, volume moves per sweep (0: constant volume)
     * @return the averages with their errors
     */
    public ThermalAverages run(double temperature, MonteCarloSettings settings) {
        resetCounters();
        for (int s = 1; s <= settings.equilibrationSweeps(); s++) {
            sweep(temperature, settings.volumeMovesPerSweep());
            if (s % 10 == 0) {
                double acc = atomAcceptance();
                if (!Double.isNaN(acc)) {
                    maxDisplacement *= Math.max(0.5, Math.min(2.0, acc / settings.targetAcceptance()));
                    maxDisplacement = Math.min(maxDisplacement, skin / 2);
                }
                double vacc = volumeAcceptance();
                if (!Double.isNaN(vacc)) {
                    maxLogVolumeStep *= Math.max(0.5, Math.min(2.0, vacc / settings.targetAcceptance()));
                    maxLogVolumeStep = Math.min(maxLogVolumeStep, 0.05);
                }
                resetCounters();
            }
        }
        resetCounters();
        int sweeps = settings.productionSweeps();
        double[] u = new double[sweeps];
        double[] w = new double[sweeps];
        double[] v = new double[sweeps];
        double equipartition = (3.0 * n - 3) / 2 * PhysicalConstants.BOLTZMANN_EV_PER_K * temperature;
        for (int s = 0; s < sweeps; s++) {
            sweep(temperature, settings.volumeMovesPerSweep());
            u[s] = energy / n;
            w[s] = (energy - 0.5 * siteVirial() + equipartition) / n;
            v[s] = volume() / n;
        }
        double drift = Math.abs(recomputeEnergy() / n - u[sweeps - 1]);
        double[] bu = BlockAverage.of(u, settings.blocks());
        double[] bw = BlockAverage.of(w, settings.blocks());
        double[] bv = BlockAverage.of(v, settings.blocks());
        return new ThermalAverages(temperature, n, settings.equilibrationSweeps(), sweeps, settings.blocks(),
                bw[0], bw[1], bu[0], bu[1], bv[0], bv[1], atomAcceptance(), volumeAcceptance(), maxDisplacement,
                maxLogVolumeStep, drift);
    }

    /**
     * The configurational virial about the lattice sites, C = sum_i u_i . dU/dr_i with
     * u_i = r_i - lambda site_i (the sites of the starting lattice, scaled to the current box).
     * By generalised equipartition (e.g. Tuckerman, <i>Statistical Mechanics</i>, sect. 4.3), for
     * a solid whose atoms stay near their sites, {@code <C> = (3N - 3) k_B T} at any volume
     * (three free translations), whatever the anharmonicity; and U - E_0 - C/2 vanishes for a
     * harmonic crystal. So W = U - C/2 + (3N - 3) k_B T / 2 has the mean of U and far smaller
     * fluctuations: a control variate for the potential energy.
     *
     * @return C in eV (allocates nothing; one pass over the bonds)
     */
    public double siteVirial() {
        double lambda = box[0] / latticeBox[0];
        double lx = box[0];
        double ly = box[1];
        double lz = box[2];
        double c = 0;
        for (int b = 0; b < bondCount; b++) {
            double r = bondR[b];
            int t = bondType[b];
            if (r >= bondCutoff[t]) {
                continue;
            }
            int i = bondI[b];
            int j = bondJ[b];
            terms[t].evaluate(r, derivatives);
            double band = derivatives[2] * derivatives[3];
            double dEdr = 2 * derivatives[1] - band * (inverseSqrt(i) + inverseSqrt(j));
            double dx = x[3 * j] - x[3 * i] + bondShift[3 * b] * lx;
            double dy = x[3 * j + 1] - x[3 * i + 1] + bondShift[3 * b + 1] * ly;
            double dz = x[3 * j + 2] - x[3 * i + 2] + bondShift[3 * b + 2] * lz;
            double ux = x[3 * j] - x[3 * i] - lambda * (lattice[3 * j] - lattice[3 * i]);
            double uy = x[3 * j + 1] - x[3 * i + 1] - lambda * (lattice[3 * j + 1] - lattice[3 * i + 1]);
            double uz = x[3 * j + 2] - x[3 * i + 2] - lambda * (lattice[3 * j + 2] - lattice[3 * i + 2]);
            c += dEdr / r * (dx * ux + dy * uy + dz * uz);
        }
        return c;
    }

    private double inverseSqrt(int i) {
        return sqrtRho[i] > 0 ? 1.0 / sqrtRho[i] : 0.0;
    }

    /**
     * Recomputes every bond and the energy from the positions (resetting the incremental
     * caches) and returns it; the difference from {@link #energy()} before the call is the
     * accumulated round-off of the local updates.
     *
     * @return U in eV
     */
    public double recomputeEnergy() {
        recomputeCaches();
        return energy;
    }

    /**
     * Root-mean-square displacement of the atoms from the sites of the reference lattice
     * {@code sites} (scaled to the current box), after removing the mean drift: a Lindemann-type
     * indicator that the crystal is still the crystal it started as.
     *
     * @param sites reference positions in the box {@code sitesBox} (Å), length 3N
     * @param sitesBox the box lengths (Å) that {@code sites} refer to
     * @return rms displacement (Å)
     */
    public double rmsDisplacement(double[] sites, double[] sitesBox) {
        double[] u = new double[3 * n];
        double[] mean = new double[3];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                double site = sites[3 * i + a] / sitesBox[a] * box[a];
                double d = x[3 * i + a] - site;
                d -= box[a] * Math.rint(d / box[a]);
                u[3 * i + a] = d;
                mean[a] += d / n;
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                double d = u[3 * i + a] - mean[a];
                s += d * d;
            }
        }
        return Math.sqrt(s / n);
    }
}
