package org.ddos.descriptors.snap;

/**
 * The SNAP bispectrum kernel for one central atom at a time: hyperspherical harmonics U_j of
 * the neighbour density, Clebsch-Gordan products Z, bispectrum components B, the adjoint Y
 * (= sum_k beta_k dB_k/dU) and the derivatives dE_i/dr_ij and dB_i/dr_ij. One kernel serves the
 * descriptors ({@link SnapDescriptors}), the potential ({@link SnapPotential}) and everything
 * built on them, as {@code sna.cpp} serves both {@code compute sna/atom} and {@code pair_style snap}
 * in LAMMPS.
 *
 * <p>Conventions are those of the LAMMPS ML-SNAP package (A.P. Thompson et al., J. Comp. Phys.
 * 285, 316 (2015); Cayley-Klein recursion for U after Varshalovich, Moskalev and Khersonskii,
 * sect. 4.8.2; Clebsch-Gordan coefficients by VMK 8.2.1(3)):
 * <ul>
 *   <li>labels are doubled: j = 2J, 0 &lt;= ma, mb &lt;= j; the total U_j of the central atom is
 *       stored at {@code idxuBlock[j] + (j + 1) mb + ma}, real and imaginary parts interleaved;</li>
 *   <li>a neighbour at r (|r| &lt; rcut) maps to the 3-sphere angle
 *       theta0 = rfac0 pi (|r| - rmin0) / (rcut - rmin0), z0 = |r| / tan(theta0), and enters the
 *       density with weight w_j fc(|r|), fc the cosine switch (1 without switchflag);</li>
 *   <li>the central atom adds the self weight 1 to the diagonal of every U_j;</li>
 *   <li>B_{j1 j2 j} = sum_{ma, mb} Re(conj(U_j) Z_{j1 j2 j}), components ordered as
 *       {@code compute sna/atom} prints them: j1 = 0..2J_max, j2 = 0..j1, j = j1-j2..min(2J_max,
 *       j1+j2) step 2, keeping j &gt;= j1; with bzeroflag the value of an isolated atom, (j + 1)
 *       (1 with bnormflag), is subtracted.</li>
 * </ul>
 *
 * <p>How it is made fast (same results as the textbook route to rounding; the tests check
 * energies against LAMMPS to 1e-8 and forces against finite differences):
 * <ul>
 *   <li>per neighbour the kernel keeps W = U / f with f = sqrt(ma! (j-ma)! / (mb! (j-mb)!)), whose
 *       Cayley-Klein recursion W_j(ma, mb) = conj(a) W_{j-1}(ma, mb) - conj(b) W_{j-1}(ma-1, mb) needs
 *       no square-root factors; only the half plane mb &lt;= j/2 (plus one row for odd j) is made;</li>
 *   <li>Z products are one flat list per atom-independent index table (factor offsets packed in one
 *       int, Clebsch-Gordan products precomputed, the two orders of equal inner labels merged);</li>
 *   <li>B alone uses, per component, the cheapest of the three equivalent label orderings;</li>
 *   <li>two central atoms run the Z stage together ({@link #bispectrumPair}, {@link #bispectrumAndYPair}),
 *       sharing every index and coefficient load;</li>
 *   <li>forces use the adjoint Y without any dU/dr recursion: dU_J/dr is a combination of U_{J-1}
 *       and the derivatives of the Cayley-Klein parameters a, b, so Y is pulled back once per atom
 *       onto the U_{J-1} layout and each neighbour costs five dot products with its stored W
 *       ({@link #deidrj}).</li>
 * </ul>
 *
 * <p>The kernel is immutable and thread-safe; all scratch memory is in a {@link Workspace}, one per
 * thread, reused from atom to atom (no allocation per atom). Call sequence for one atom:
 * {@link Workspace#clear()}, {@link Workspace#addNeighbor} per neighbour, {@link #computeU}, then
 * {@link #bispectrum}, or {@link #computeY} / {@link #bispectrumAndY} followed by {@link #deidrj},
 * or {@link #computeZ} followed by {@link #dbidrj}; for two atoms at once, each in its own
 * workspace, {@link #bispectrumPair} or {@link #bispectrumAndYPair} (then {@link #deidrj} per atom).
 */
public final class SnapBispectrum {
    private static final double WSELF = 1.0;

    private final int twojmax;
    private final double rfac0;
    private final double rmin0;
    private final boolean switchFlag;
    private final boolean bnormFlag;
    private final boolean bzeroFlag;

    private final int[] idxuBlock;
    private final int idxuMax;
    private final double[] rootpq; // rootpq[p * rootStride + q] = sqrt(p / q)
    private final int rootStride;
    private final double[] cg;

    private final int componentCount;
    private final int[] bj1;
    private final int[] bj2;
    private final int[] bj;
    private final double[] bzero; // per component

    private final int idxzMax;
    private final int[] zJ1;
    private final int[] zJ2;
    private final int[] zNa;
    private final int[] zNb;
    private final int[] zU1; // first index of u1 (j1 block, row mb1min, column ma1min)
    private final int[] zU2; // first index of u2 (j2 block, row mb2max, column ma2max)
    private final int[] zCga; // first cg index of the inner sum
    private final int[] zCgb; // first cg index of the outer sum
    private final int[] zJju; // position of this Z element in a U_j layout
    private final int[] zBComp; // component index when this Z enters B (j >= j1), else -1
    private final double[] zBWeight; // half-plane weight for B: 1, 0.5 (ma == mb = j/2) or 0
    private final int[] zBetaComp; // component whose beta multiplies this Z in Y
    private final double[] zBetaFac; // multiplicity and (j1+1)/(j+1) factor
    private final double[] zNorm; // 1/(j+1) with bnormflag, else 1
    // B alone: for each component the Z cells of the cheapest equivalent ordering (outer label o among
    // j, j1, j2: B_{j1 j2 j} / (j + 1) is symmetric in its labels, so B = (j + 1) / (o + 1) sum over the
    // half plane of o of Re(conj(U_o) Z_{p q o}); the ordering with two equal inner labels has its
    // products merged, about 20% fewer terms at 2J = 8)
    private final int[] bCell;
    private final double[] bCellWeight; // half-plane weight times (j + 1) / (o + 1) (1 with bnormflag)
    private final int[] bCellComp;
    private final int[] idxzBlock; // [(j1 * jdim + j2) * jdim + j]
    private final int jdim;
    // flattened Z products: Z[jjz] = sum_{t in tStart[jjz]..tStart[jjz+1]-1} tC[t] U[tU1[t]] U[tU2[t]]
    private final int[] tStart;
    private final int[] tPair; // 2 lo | (2 hi) << 16: offsets of the two factors in interleaved U
    private final double[] tC;
    // recursion factors in traversal order (j = 1.., mb <= j/2, ma < j)
    private final double[] rootA;
    private final double[] rootB;
    private final int[] halfLen; // number of U_j elements in rows mb <= j/2
    // compact per-neighbour layout: level j holds rows mb = 0..(j+1)/2 (the half plane plus, for odd
    // j, the next row the recursion needs) at cBlock[j] + (j + 1) mb + ma
    private final int[] cBlock;
    private final int compactSize;
    // per neighbour the kernel keeps W = U / f, f(j, ma, mb) = sqrt(ma! (j - ma)! / (mb! (j - mb)!)),
    // whose recursion needs no square-root factors: W_j(ma, mb) = conj(a) W_{j-1}(ma, mb) - conj(b) W_{j-1}(ma - 1, mb)
    private final double[] wScale; // f per compact element
    // adjoint pull-back for the forces: for each half-plane element h of level J >= 1 (weights folded
    // into Y), its Y index and four (target compact index on level J-1, factor) pairs: dU_J/d(conj a),
    // dU_J/d(conj b), dU_J/db, dU_J/da in terms of U_{J-1}; target -1 when the factor vanishes
    private final int[] pbY;
    private final int[] pbTarget; // [4 h + v], v = A (conj a), B (conj b), b, a
    private final double[] pbFactor;
    private final double[] halfW; // half-plane weight of each U element in B and dE contractions

    /**
     * @param parameters the SNAP hyper-parameters (2J_max, rfac0, rmin0, switch, bzero, bnorm flags)
     */
    public SnapBispectrum(SnapParameters parameters) {
        this.twojmax = parameters.twojmax();
        this.rfac0 = parameters.rfac0();
        this.rmin0 = parameters.rmin0();
        this.switchFlag = parameters.switchFlag();
        this.bnormFlag = parameters.bnormFlag();
        this.bzeroFlag = parameters.bzeroFlag();
        this.jdim = twojmax + 1;

        idxuBlock = new int[jdim];
        int count = 0;
        for (int j = 0; j <= twojmax; j++) {
            idxuBlock[j] = count;
            count += (j + 1) * (j + 1);
        }
        idxuMax = count;

        rootStride = twojmax + 2;
        rootpq = new double[rootStride * rootStride];
        for (int p = 1; p <= twojmax; p++) {
            for (int q = 1; q <= twojmax; q++) {
                rootpq[p * rootStride + q] = Math.sqrt((double) p / q);
            }
        }

        // Clebsch-Gordan blocks, one per (j1 >= j2, j) triple, each (j1+1) x (j2+1)
        int[] idxcgBlock = new int[jdim * jdim * jdim];
        count = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    idxcgBlock[(j1 * jdim + j2) * jdim + j] = count;
                    count += (j1 + 1) * (j2 + 1);
                }
            }
        }
        cg = new double[count];
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    int off = idxcgBlock[(j1 * jdim + j2) * jdim + j];
                    for (int m1 = 0; m1 <= j1; m1++) {
                        for (int m2 = 0; m2 <= j2; m2++) {
                            cg[off + m1 * (j2 + 1) + m2] = clebschGordan(j1, j2, j, m1, m2);
                        }
                    }
                }
            }
        }

        // bispectrum components in LAMMPS order
        componentCount = SnapParameters.bispectrumCount(twojmax);
        bj1 = new int[componentCount];
        bj2 = new int[componentCount];
        bj = new int[componentCount];
        bzero = new double[componentCount];
        int[] idxbBlock = new int[jdim * jdim * jdim];
        java.util.Arrays.fill(idxbBlock, -1);
        count = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    if (j >= j1) {
                        bj1[count] = j1;
                        bj2[count] = j2;
                        bj[count] = j;
                        double www = WSELF * WSELF * WSELF;
                        bzero[count] = bzeroFlag ? (bnormFlag ? www : www * (j + 1)) : 0.0;
                        idxbBlock[(j1 * jdim + j2) * jdim + j] = count;
                        count++;
                    }
                }
            }
        }

        // Z list: all (j1 >= j2, j) triples, half plane mb <= j/2, all ma
        count = 0;
        idxzBlock = new int[jdim * jdim * jdim];
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    idxzBlock[(j1 * jdim + j2) * jdim + j] = count;
                    count += (j / 2 + 1) * (j + 1);
                }
            }
        }
        idxzMax = count;
        zJ1 = new int[idxzMax];
        zJ2 = new int[idxzMax];
        zNa = new int[idxzMax];
        zNb = new int[idxzMax];
        zU1 = new int[idxzMax];
        zU2 = new int[idxzMax];
        zCga = new int[idxzMax];
        zCgb = new int[idxzMax];
        zJju = new int[idxzMax];
        zBComp = new int[idxzMax];
        zBWeight = new double[idxzMax];
        zBetaComp = new int[idxzMax];
        zBetaFac = new double[idxzMax];
        zNorm = new double[idxzMax];
        int z = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    int cgOff = idxcgBlock[(j1 * jdim + j2) * jdim + j];
                    // the beta that multiplies Z(j1,j2,j) in Y_j, with multiplicity (LAMMPS compute_yi)
                    int betaComp;
                    double betaFac;
                    if (j >= j1) {
                        betaComp = idxbBlock[(j1 * jdim + j2) * jdim + j];
                        betaFac = j1 == j ? (j2 == j ? 3.0 : 2.0) : 1.0;
                    } else if (j >= j2) {
                        betaComp = idxbBlock[(j * jdim + j2) * jdim + j1];
                        betaFac = j2 == j ? 2.0 : 1.0;
                    } else {
                        betaComp = idxbBlock[(j2 * jdim + j) * jdim + j1];
                        betaFac = 1.0;
                    }
                    if (!bnormFlag && j1 > j) {
                        betaFac *= (j1 + 1) / (j + 1.0);
                    }
                    int bComp = j >= j1 ? idxbBlock[(j1 * jdim + j2) * jdim + j] : -1;
                    for (int mb = 0; 2 * mb <= j; mb++) {
                        for (int ma = 0; ma <= j; ma++) {
                            int ma1min = Math.max(0, (2 * ma - j - j2 + j1) / 2);
                            int ma2max = (2 * ma - j - (2 * ma1min - j1) + j2) / 2;
                            int na = Math.min(j1, (2 * ma - j + j2 + j1) / 2) - ma1min + 1;
                            int mb1min = Math.max(0, (2 * mb - j - j2 + j1) / 2);
                            int mb2max = (2 * mb - j - (2 * mb1min - j1) + j2) / 2;
                            int nb = Math.min(j1, (2 * mb - j + j2 + j1) / 2) - mb1min + 1;
                            zJ1[z] = j1;
                            zJ2[z] = j2;
                            zNa[z] = na;
                            zNb[z] = nb;
                            zU1[z] = idxuBlock[j1] + (j1 + 1) * mb1min + ma1min;
                            zU2[z] = idxuBlock[j2] + (j2 + 1) * mb2max + ma2max;
                            zCga[z] = cgOff + ma1min * (j2 + 1) + ma2max;
                            zCgb[z] = cgOff + mb1min * (j2 + 1) + mb2max;
                            zJju[z] = idxuBlock[j] + (j + 1) * mb + ma;
                            zBComp[z] = bComp;
                            double w;
                            if (2 * mb < j) {
                                w = 1.0;
                            } else {
                                w = ma < mb ? 1.0 : ma == mb ? 0.5 : 0.0;
                            }
                            zBWeight[z] = bComp >= 0 ? w : 0.0;
                            zBetaComp[z] = betaComp;
                            zBetaFac[z] = betaFac;
                            zNorm[z] = bnormFlag ? 1.0 / (j + 1) : 1.0;
                            z++;
                        }
                    }
                }
            }
        }
        // Flattened products. U[a] U[b] is symmetric in (a, b): when j1 == j2 both orders occur in
        // one Z element and are merged into one term (CG symmetry makes them equal or cancel).
        int nt = 0;
        for (int k = 0; k < idxzMax; k++) {
            nt += zNa[k] * zNb[k];
        }
        int[] f1 = new int[nt];
        int[] f2 = new int[nt];
        double[] fc = new double[nt];
        int[] slot = new int[idxuMax * idxuMax];
        int[] stamp = new int[idxuMax * idxuMax];
        tStart = new int[idxzMax + 1];
        int t = 0;
        for (int k = 0; k < idxzMax; k++) {
            tStart[k] = t;
            int u1 = zU1[k];
            int u2 = zU2[k];
            int cgb = zCgb[k];
            int j1 = zJ1[k];
            int j2 = zJ2[k];
            for (int ib = 0; ib < zNb[k]; ib++) {
                int a1 = u1;
                int a2 = u2;
                int cga = zCga[k];
                for (int ia = 0; ia < zNa[k]; ia++) {
                    double c = cg[cga] * cg[cgb] * zNorm[k];
                    int lo = Math.min(a1, a2);
                    int hi = Math.max(a1, a2);
                    int key = lo * idxuMax + hi;
                    if (stamp[key] == k + 1) {
                        fc[slot[key]] += c;
                    } else {
                        stamp[key] = k + 1;
                        slot[key] = t;
                        f1[t] = lo;
                        f2[t] = hi;
                        fc[t] = c;
                        t++;
                    }
                    a1++;
                    a2--;
                    cga += j2;
                }
                u1 += j1 + 1;
                u2 -= j2 + 1;
                cgb += j2;
            }
        }
        tStart[idxzMax] = t;
        // drop terms that cancelled
        int kept = 0;
        int[] newStart = new int[idxzMax + 1];
        for (int k = 0; k < idxzMax; k++) {
            newStart[k] = kept;
            double mx = 0.0;
            for (int q = tStart[k]; q < tStart[k + 1]; q++) {
                mx = Math.max(mx, Math.abs(fc[q]));
            }
            for (int q = tStart[k]; q < tStart[k + 1]; q++) {
                if (Math.abs(fc[q]) > 1e-13 * mx) {
                    f1[kept] = f1[q];
                    f2[kept] = f2[q];
                    fc[kept] = fc[q];
                    kept++;
                }
            }
        }
        newStart[idxzMax] = kept;
        System.arraycopy(newStart, 0, tStart, 0, idxzMax + 1);
        if (2 * idxuMax >= (1 << 15)) {
            throw new IllegalArgumentException("twojmax " + twojmax + " is too large for the SNAP kernel");
        }
        tPair = new int[kept];
        for (int q = 0; q < kept; q++) {
            tPair[q] = 2 * f1[q] | (2 * f2[q]) << 16;
        }
        tC = java.util.Arrays.copyOf(fc, kept);
        int nr = 0;
        for (int j = 1; j <= twojmax; j++) {
            nr += (j / 2 + 1) * j;
        }
        rootA = new double[nr];
        rootB = new double[nr];
        nr = 0;
        for (int j = 1; j <= twojmax; j++) {
            for (int mb = 0; 2 * mb <= j; mb++) {
                for (int ma = 0; ma < j; ma++) {
                    rootA[nr] = rootpq[(j - ma) * rootStride + (j - mb)];
                    rootB[nr] = rootpq[(ma + 1) * rootStride + (j - mb)];
                    nr++;
                }
            }
        }
        halfLen = new int[jdim];
        halfW = new double[idxuMax];
        for (int j = 0; j <= twojmax; j++) {
            halfLen[j] = (j / 2 + 1) * (j + 1);
            for (int mb = 0; 2 * mb <= j; mb++) {
                for (int ma = 0; ma <= j; ma++) {
                    halfW[idxuBlock[j] + mb * (j + 1) + ma] = 2 * mb < j ? 1.0 : ma < mb ? 1.0 : ma == mb ? 0.5 : 0.0;
                }
            }
        }
        cBlock = new int[jdim];
        int cs = 0;
        for (int j = 0; j <= twojmax; j++) {
            cBlock[j] = cs;
            cs += ((j + 1) / 2 + 1) * (j + 1);
        }
        compactSize = cs;
        wScale = new double[cs];
        for (int j = 0; j <= twojmax; j++) {
            for (int mb = 0; mb <= (j + 1) / 2; mb++) {
                for (int ma = 0; ma <= j; ma++) {
                    wScale[cBlock[j] + mb * (j + 1) + ma] = Math.sqrt(factorial(ma) * factorial(j - ma)
                            / (factorial(mb) * factorial(j - mb)));
                }
            }
        }
        int nh = 0;
        for (int j = 1; j <= twojmax; j++) {
            nh += halfLen[j];
        }
        pbY = new int[nh];
        pbTarget = new int[4 * nh];
        pbFactor = new double[4 * nh];
        int h = 0;
        for (int jj = 1; jj <= twojmax; jj++) {
            int lower = cBlock[jj - 1];
            for (int mb = 0; 2 * mb <= jj; mb++) {
                for (int ma = 0; ma <= jj; ma++, h++) {
                    pbY[h] = idxuBlock[jj] + mb * (jj + 1) + ma;
                    // U_J(ma, mb) = f [x^ma] (conj a - conj b x)^(J - mb) (b + a x)^mb, f = sqrt(ma! (J-ma)! / (mb! (J-mb)!))
                    boolean inA = ma <= jj - 1 && mb <= jj - 1;
                    pbTarget[4 * h] = inA ? lower + mb * jj + ma : -1;
                    pbFactor[4 * h] = inA ? Math.sqrt((double) (jj - ma) * (jj - mb)) : 0.0;
                    boolean inB = ma >= 1;
                    pbTarget[4 * h + 1] = inB ? lower + mb * jj + ma - 1 : -1;
                    pbFactor[4 * h + 1] = inB ? Math.sqrt((double) ma * (jj - mb)) : 0.0;
                    boolean inb = mb >= 1 && ma <= jj - 1;
                    pbTarget[4 * h + 2] = inb ? lower + (mb - 1) * jj + ma : -1;
                    pbFactor[4 * h + 2] = inb ? Math.sqrt((double) mb * (jj - ma)) : 0.0;
                    boolean ina = mb >= 1 && ma >= 1;
                    pbTarget[4 * h + 3] = ina ? lower + (mb - 1) * jj + ma - 1 : -1;
                    pbFactor[4 * h + 3] = ina ? Math.sqrt((double) ma * mb) : 0.0;
                }
            }
        }
        java.util.List<int[]> cells = new java.util.ArrayList<>();
        java.util.List<Double> cellWeights = new java.util.ArrayList<>();
        for (int c = 0; c < componentCount; c++) {
            int[] labels = {bj[c], bj1[c], bj2[c]}; // candidate outer labels, the defining one first
            int bestOuter = -1;
            int bestBlock = -1;
            int bestTerms = Integer.MAX_VALUE;
            for (int o = 0; o < 3; o++) {
                int outer = labels[o];
                int p = labels[(o + 1) % 3];
                int q = labels[(o + 2) % 3];
                int blk = idxzBlock[(Math.max(p, q) * jdim + Math.min(p, q)) * jdim + outer];
                int terms = 0;
                for (int cell = 0, zz = blk; cell < halfLen[outer]; cell++, zz++) {
                    if (halfW[idxuBlock[outer] + cell] != 0.0) {
                        terms += tStart[zz + 1] - tStart[zz];
                    }
                }
                if (terms < bestTerms) {
                    bestTerms = terms;
                    bestOuter = outer;
                    bestBlock = blk;
                }
            }
            double factor = bnormFlag ? 1.0 : (bj[c] + 1.0) / (bestOuter + 1.0);
            for (int cell = 0; cell < halfLen[bestOuter]; cell++) {
                double w = halfW[idxuBlock[bestOuter] + cell];
                if (w != 0.0) {
                    cells.add(new int[] {bestBlock + cell, c});
                    cellWeights.add(w * factor);
                }
            }
        }
        bCell = new int[cells.size()];
        bCellComp = new int[cells.size()];
        bCellWeight = new double[cells.size()];
        for (int q = 0; q < bCell.length; q++) {
            bCell[q] = cells.get(q)[0];
            bCellComp[q] = cells.get(q)[1];
            bCellWeight[q] = cellWeights.get(q);
        }
    }

    private static double factorial(int n) {
        double f = 1.0;
        for (int k = 2; k <= n; k++) {
            f *= k;
        }
        return f;
    }

    /** Clebsch-Gordan coefficient with doubled labels, VMK 8.2.1(3) (quasi-binomial formula). */
    private static double clebschGordan(int j1, int j2, int j, int m1, int m2) {
        int aa2 = 2 * m1 - j1;
        int bb2 = 2 * m2 - j2;
        int m = (aa2 + bb2 + j) / 2;
        if (m < 0 || m > j) {
            return 0.0;
        }
        double sum = 0.0;
        int zmin = Math.max(0, Math.max(-(j - j2 + aa2) / 2, -(j - j1 - bb2) / 2));
        int zmax = Math.min((j1 + j2 - j) / 2, Math.min((j1 - aa2) / 2, (j2 + bb2) / 2));
        for (int z = zmin; z <= zmax; z++) {
            double sign = (z % 2 == 0) ? 1.0 : -1.0;
            sum += sign / (factorial(z) * factorial((j1 + j2 - j) / 2 - z) * factorial((j1 - aa2) / 2 - z)
                    * factorial((j2 + bb2) / 2 - z) * factorial((j - j2 + aa2) / 2 + z)
                    * factorial((j - j1 - bb2) / 2 + z));
        }
        int cc2 = 2 * m - j;
        double delta = Math.sqrt(factorial((j1 + j2 - j) / 2) * factorial((j1 - j2 + j) / 2)
                * factorial((-j1 + j2 + j) / 2) / factorial((j1 + j2 + j) / 2 + 1));
        double norm = Math.sqrt(factorial((j1 + aa2) / 2) * factorial((j1 - aa2) / 2) * factorial((j2 + bb2) / 2)
                * factorial((j2 - bb2) / 2) * factorial((j + cc2) / 2) * factorial((j - cc2) / 2) * (j + 1));
        return sum * delta * norm;
    }

    /** @return the number of U.U product terms of all Z elements and of those B needs (cost measure) */
    public int[] productTermCounts() {
        int nb = 0;
        for (int jjz : bCell) {
            nb += tStart[jjz + 1] - tStart[jjz];
        }
        return new int[] {tC.length, nb};
    }

    /** @return K, the number of bispectrum components */
    public int componentCount() {
        return componentCount;
    }

    /** @return 2 J_max */
    public int twojmax() {
        return twojmax;
    }

    /**
     * @return the doubled labels of each component: K rows {2 J1, 2 J2, 2 J}, LAMMPS order
     */
    public int[][] componentLabels() {
        int[][] l = new int[componentCount][];
        for (int k = 0; k < componentCount; k++) {
            l[k] = new int[] {bj1[k], bj2[k], bj[k]};
        }
        return l;
    }

    /** @return a new workspace for this kernel (one per thread) */
    public Workspace newWorkspace() {
        return new Workspace(this);
    }

    /**
     * Per-thread scratch memory of the kernel and the neighbour list of the current central atom.
     * Grows as needed; otherwise reused without allocation.
     */
    public static final class Workspace {
        private final SnapBispectrum kernel;
        int n;
        double[] rij = new double[3 * 64];
        double[] rcut = new double[64];
        double[] wj = new double[64];
        double[] rinner = new double[64];
        double[] drinner = new double[64];
        boolean inner;
        final double[] ucR; // u of one neighbour, compact layout
        final double[] ucI;
        // W of every neighbour, two neighbours (e, e + 1) per lane pair, compact layout:
        // [4 compactSize (e / 2) + 4 q + lane] real, [... + 2 + lane] imaginary (filled by computeU)
        double[] ul;
        boolean neighborsKept; // computeU stored every neighbour's W (needed by deidrj)
        final double[] coef; // force contraction coefficients, [10 c + q]
        final double[] ut; // total U of the central atom, interleaved: [2 jju] real, [2 jju + 1] imaginary
        final double[] y; // adjoint Y, interleaved, half-plane weights folded in
        final double[] zR;
        final double[] zI;
        final double[] duR; // [k * idxuMax + jju]
        final double[] duI;
        final double[] b;
        final double[] scratch = new double[12];
        final double[] result = new double[5];

        Workspace(SnapBispectrum k) {
            kernel = k;
            int nu = k.idxuMax;
            ucR = new double[k.compactSize];
            ucI = new double[k.compactSize];
            ul = new double[2 * 65 * k.compactSize];
            coef = new double[10 * k.compactSize];
            ut = new double[2 * nu];
            y = new double[2 * nu];
            zR = new double[k.idxzMax];
            zI = new double[k.idxzMax];
            duR = new double[3 * nu];
            duI = new double[3 * nu];
            b = new double[k.componentCount];
        }

        /** Starts a new central atom: no neighbours. */
        public void clear() {
            n = 0;
            neighborsKept = false;
            inner = false;
        }

        /** @return number of neighbours added since {@link #clear()} */
        public int neighborCount() {
            return n;
        }

        /**
         * Adds a neighbour of the central atom.
         *
         * @param dx displacement r_j - r_i, x (Å)
         * @param dy y
         * @param dz z
         * @param pairCutoff rcut_ij = rcutfac (R_i + R_j) (Å); the caller keeps only 0 &lt; |r| &lt; rcut_ij
         * @param weight neighbour weight w_j
         */
        public void addNeighbor(double dx, double dy, double dz, double pairCutoff, double weight) {
            addNeighbor(dx, dy, dz, pairCutoff, weight, 0.0, 0.0);
        }

        /**
         * As {@link #addNeighbor(double, double, double, double, double)} with an inner switch
         * (LAMMPS {@code switchinnerflag}): 0 below {@code innerStart}, 1 above innerStart + innerWidth;
         * innerWidth &lt;= 0 means no inner switch for this pair. In between the factor is
         * (1 - cos(pi (r - innerStart) / innerWidth)) / 2.
         *
         * @param dx displacement r_j - r_i, x (Å)
         * @param dy y
         * @param dz z
         * @param pairCutoff rcut_ij = rcutfac (R_i + R_j) (Å); the caller keeps only 0 &lt; |r| &lt; rcut_ij
         * @param weight neighbour weight w_j
         * @param innerStart r below which the inner switch is 0 (Å)
         * @param innerWidth width of the inner switch (Å); &lt;= 0 for none
         */
        public void addNeighbor(double dx, double dy, double dz, double pairCutoff, double weight,
                double innerStart, double innerWidth) {
            if (n == rcut.length) {
                grow(2 * n);
            }
            rij[3 * n] = dx;
            rij[3 * n + 1] = dy;
            rij[3 * n + 2] = dz;
            rcut[n] = pairCutoff;
            wj[n] = weight;
            rinner[n] = innerStart;
            drinner[n] = innerWidth;
            if (innerWidth > 0) {
                inner = true;
            }
            n++;
        }

        private void grow(int cap) {
            rij = java.util.Arrays.copyOf(rij, 3 * cap);
            rcut = java.util.Arrays.copyOf(rcut, cap);
            wj = java.util.Arrays.copyOf(wj, cap);
            rinner = java.util.Arrays.copyOf(rinner, cap);
            drinner = java.util.Arrays.copyOf(drinner, cap);
            ul = java.util.Arrays.copyOf(ul, 2 * (cap + 1) * kernel.compactSize);
        }
    }

    // ------------------------------------------------------------------ switching functions

    private double sfac(double r, double rc) {
        if (!switchFlag || r <= rmin0) {
            return 1.0;
        }
        if (r > rc) {
            return 0.0;
        }
        return 0.5 * (Math.cos((r - rmin0) * Math.PI / (rc - rmin0)) + 1.0);
    }

    private double dsfac(double r, double rc) {
        if (!switchFlag || r <= rmin0 || r > rc) {
            return 0.0;
        }
        double f = Math.PI / (rc - rmin0);
        return -0.5 * Math.sin((r - rmin0) * f) * f;
    }

    private static double sfacInner(double r, double rin, double drin) {
        if (drin <= 0 || r >= rin + drin) {
            return 1.0;
        }
        if (r <= rin) {
            return 0.0;
        }
        return 0.5 * (1.0 - Math.cos((r - rin) * Math.PI / drin));
    }

    private static double dsfacInner(double r, double rin, double drin) {
        if (drin <= 0 || r >= rin + drin || r <= rin) {
            return 0.0;
        }
        double f = Math.PI / drin;
        return 0.5 * Math.sin((r - rin) * f) * f;
    }

    // ------------------------------------------------------------------ U

    /**
     * Computes U_j of every neighbour (the half plane mb &lt;= j/2 plus, for odd j, the next row,
     * kept in the workspace for the derivatives) and the total U of the central atom (self term plus
     * the weighted, switched neighbour sum; both halves).
     *
     * @param ws the central atom's workspace, filled by {@link Workspace#addNeighbor}
     */
    public void computeU(Workspace ws) {
        computeU(ws, true);
    }

    /**
     * As {@link #computeU(Workspace)}; with {@code keepNeighbors} false the per-neighbour U are not
     * kept (enough for {@link #bispectrum} and {@link #bispectrumPair}, not for {@link #deidrj}), which
     * keeps the scratch in the L1 cache.
     *
     * @param ws the central atom's workspace, filled by {@link Workspace#addNeighbor}
     * @param keepNeighbors whether to keep the per-neighbour U (needed by {@link #deidrj})
     */
    public void computeU(Workspace ws, boolean keepNeighbors) {
        final double[] ut = ws.ut;
        java.util.Arrays.fill(ut, 0.0);
        for (int j = 0; j <= twojmax; j++) {
            int jju = idxuBlock[j];
            for (int ma = 0; 2 * ma <= j; ma++) {
                ut[2 * (jju + ma * (j + 1) + ma)] = WSELF;
            }
        }
        ws.neighborsKept = keepNeighbors;
        final double[] u = ws.ul;
        final double[] tR = ws.ucR;
        final double[] tI = ws.ucI;
        final double[] f = wScale;
        final int nc = compactSize;
        java.util.Arrays.fill(tR, 0.0);
        java.util.Arrays.fill(tI, 0.0);
        for (int e = 0; e < ws.n; e += 2) {
            final int e1 = e + 1 < ws.n ? e + 1 : e; // an odd last neighbour runs with itself, weight 0
            final int off = keepNeighbors ? 2 * e * nc : 0;
            neighborW2(ws, e, e1, u, off);
            final double s0 = switchedWeight(ws, e);
            final double s1 = e1 != e ? switchedWeight(ws, e1) : 0.0;
            for (int k = 0, q = off; k < nc; k++, q += 4) {
                tR[k] += s0 * u[q] + s1 * u[q + 1];
                tI[k] += s0 * u[q + 2] + s1 * u[q + 3];
            }
        }
        for (int j = 0; j <= twojmax; j++) {
            final int lo = 2 * idxuBlock[j];
            final int len = halfLen[j];
            final int c = cBlock[j];
            for (int k = 0; k < len; k++) {
                ut[lo + 2 * k] += f[c + k] * tR[c + k];
                ut[lo + 2 * k + 1] += f[c + k] * tI[c + k];
            }
        }
        // rows mb > j/2 by inversion symmetry: U(ma, mb) = (-1)^(mb - ma) conj(U(j - ma, j - mb))
        for (int j = 1; j <= twojmax; j++) {
            int blk = idxuBlock[j];
            for (int mb = j / 2 + 1; mb <= j; mb++) {
                int src = 2 * (blk + (j - mb) * (j + 1) + j);
                int dst = 2 * (blk + mb * (j + 1));
                for (int ma = 0; ma <= j; ma++, src -= 2, dst += 2) {
                    if (((mb - ma) & 1) == 0) {
                        ut[dst] = ut[src];
                        ut[dst + 1] = -ut[src + 1];
                    } else {
                        ut[dst] = -ut[src];
                        ut[dst + 1] = ut[src + 1];
                    }
                }
            }
        }
    }

    /**
     * W_j(ma, mb) = U_j(ma, mb) / f(j, ma, mb) of neighbour e (without switch and weight) into
     * uR/uI at off, compact layout, by the Cayley-Klein recursion (VMK 4.8.2) in the form
     * W_j(ma, mb) = conj(a) W_{j-1}(ma, mb) - conj(b) W_{j-1}(ma-1, mb): rows mb &lt;= j/2, and for
     * odd j the row (j+1)/2 by inversion symmetry (the next level needs it).
     *
     * @return |r_ij| (Å)
     */
    private double neighborW(Workspace ws, int e, double[] uR, double[] uI, int off) {
        final double x = ws.rij[3 * e];
        final double y = ws.rij[3 * e + 1];
        final double z = ws.rij[3 * e + 2];
        final double rsq = x * x + y * y + z * z;
        final double r = Math.sqrt(rsq);
        final double rc = ws.rcut[e];
        final double theta0 = (r - rmin0) * rfac0 * Math.PI / (rc - rmin0);
        final double z0 = r / Math.tan(theta0);
        final double r0inv = 1.0 / Math.sqrt(rsq + z0 * z0);
        final double ar = r0inv * z0;
        final double ai = -r0inv * z;
        final double br = r0inv * y;
        final double bi = -r0inv * x;
        uR[off] = 1.0;
        uI[off] = 0.0;
        for (int j = 1; j <= twojmax; j++) {
            final int pBlk = off + cBlock[j - 1];
            final int qBlk = off + cBlock[j];
            for (int mb = 0; 2 * mb <= j; mb++) {
                final int p = pBlk + mb * j;
                final int q = qBlk + mb * (j + 1);
                double accR = 0.0;
                double accI = 0.0;
                for (int ma = 0; ma < j; ma++) {
                    final double pr = uR[p + ma];
                    final double pi = uI[p + ma];
                    uR[q + ma] = accR + (ar * pr + ai * pi);
                    uI[q + ma] = accI + (ar * pi - ai * pr);
                    accR = -(br * pr + bi * pi);
                    accI = -(br * pi - bi * pr);
                }
                uR[q + j] = accR;
                uI[q + j] = accI;
            }
            if ((j & 1) == 1) {
                final int mbs = (j - 1) / 2;
                int src = qBlk + mbs * (j + 1);
                int dst = qBlk + (mbs + 1) * (j + 1) + j;
                for (int ma = 0; ma <= j; ma++, src++, dst--) {
                    if (((ma - mbs) & 1) == 0) {
                        uR[dst] = uR[src];
                        uI[dst] = -uI[src];
                    } else {
                        uR[dst] = -uR[src];
                        uI[dst] = uI[src];
                    }
                }
            }
        }
        return r;
    }

    /** @return w_j fc(r_ij) (times the inner switch when present) of neighbour e */
    private double switchedWeight(Workspace ws, int e) {
        final double x = ws.rij[3 * e];
        final double y = ws.rij[3 * e + 1];
        final double z = ws.rij[3 * e + 2];
        final double r = Math.sqrt(x * x + y * y + z * z);
        double s = sfac(r, ws.rcut[e]) * ws.wj[e];
        if (ws.inner) {
            s *= sfacInner(r, ws.rinner[e], ws.drinner[e]);
        }
        return s;
    }

    /**
     * W of two neighbours e0 and e1 at once (as {@link #neighborW}; two independent recursions in
     * lockstep share the loop control), into u at off in the lane-pair layout of {@code Workspace.ul}.
     */
    private void neighborW2(Workspace ws, int e0, int e1, double[] u, int off) {
        double ar0;
        double ai0;
        double br0;
        double bi0;
        double ar1;
        double ai1;
        double br1;
        double bi1;
        {
            final double x = ws.rij[3 * e0];
            final double y = ws.rij[3 * e0 + 1];
            final double z = ws.rij[3 * e0 + 2];
            final double rsq = x * x + y * y + z * z;
            final double r = Math.sqrt(rsq);
            final double rc = ws.rcut[e0];
            final double z0 = r / Math.tan((r - rmin0) * rfac0 * Math.PI / (rc - rmin0));
            final double r0inv = 1.0 / Math.sqrt(rsq + z0 * z0);
            ar0 = r0inv * z0;
            ai0 = -r0inv * z;
            br0 = r0inv * y;
            bi0 = -r0inv * x;
        }
        {
            final double x = ws.rij[3 * e1];
            final double y = ws.rij[3 * e1 + 1];
            final double z = ws.rij[3 * e1 + 2];
            final double rsq = x * x + y * y + z * z;
            final double r = Math.sqrt(rsq);
            final double rc = ws.rcut[e1];
            final double z0 = r / Math.tan((r - rmin0) * rfac0 * Math.PI / (rc - rmin0));
            final double r0inv = 1.0 / Math.sqrt(rsq + z0 * z0);
            ar1 = r0inv * z0;
            ai1 = -r0inv * z;
            br1 = r0inv * y;
            bi1 = -r0inv * x;
        }
        u[off] = 1.0;
        u[off + 1] = 1.0;
        u[off + 2] = 0.0;
        u[off + 3] = 0.0;
        for (int j = 1; j <= twojmax; j++) {
            final int pBlk = off + 4 * cBlock[j - 1];
            final int qBlk = off + 4 * cBlock[j];
            for (int mb = 0; 2 * mb <= j; mb++) {
                final int p = pBlk + 4 * mb * j;
                final int q = qBlk + 4 * mb * (j + 1);
                double c0r = 0.0;
                double c0i = 0.0;
                double c1r = 0.0;
                double c1i = 0.0;
                for (int ma = 0; ma < j; ma++) {
                    final int pp = p + 4 * ma;
                    final int qq = q + 4 * ma;
                    final double r0 = u[pp];
                    final double r1 = u[pp + 1];
                    final double i0 = u[pp + 2];
                    final double i1 = u[pp + 3];
                    u[qq] = c0r + (ar0 * r0 + ai0 * i0);
                    u[qq + 1] = c1r + (ar1 * r1 + ai1 * i1);
                    u[qq + 2] = c0i + (ar0 * i0 - ai0 * r0);
                    u[qq + 3] = c1i + (ar1 * i1 - ai1 * r1);
                    c0r = -(br0 * r0 + bi0 * i0);
                    c1r = -(br1 * r1 + bi1 * i1);
                    c0i = -(br0 * i0 - bi0 * r0);
                    c1i = -(br1 * i1 - bi1 * r1);
                }
                final int qq = q + 4 * j;
                u[qq] = c0r;
                u[qq + 1] = c1r;
                u[qq + 2] = c0i;
                u[qq + 3] = c1i;
            }
            if ((j & 1) == 1) {
                final int mbs = (j - 1) / 2;
                int src = qBlk + 4 * mbs * (j + 1);
                int dst = qBlk + 4 * ((mbs + 1) * (j + 1) + j);
                for (int ma = 0; ma <= j; ma++, src += 4, dst -= 4) {
                    if (((ma - mbs) & 1) == 0) {
                        u[dst] = u[src];
                        u[dst + 1] = u[src + 1];
                        u[dst + 2] = -u[src + 2];
                        u[dst + 3] = -u[src + 3];
                    } else {
                        u[dst] = -u[src];
                        u[dst + 1] = -u[src + 1];
                        u[dst + 2] = u[src + 2];
                        u[dst + 3] = u[src + 3];
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ Z, B, Y

    /**
     * Computes the bispectrum of the central atom (after {@link #computeU}).
     *
     * @param ws the central atom's workspace, after {@link #computeU}
     * @param out receives the K components at {@code out[offset .. offset + K - 1]}, LAMMPS order
     * @param offset first index written in out
     */
    public void bispectrum(Workspace ws, double[] out, int offset) {
        final double[] u = ws.ut;
        final double[] b = ws.b;
        final int[] tp = tPair;
        final double[] tc = tC;
        final int[] ts = tStart;
        java.util.Arrays.fill(b, 0.0);
        for (int q = 0; q < bCell.length; q++) {
            final int jjz = bCell[q];
            int t = ts[jjz];
            final int tEnd = ts[jjz + 1];
            double zr0 = 0.0;
            double zi0 = 0.0;
            double zr1 = 0.0;
            double zi1 = 0.0;
            for (; t + 1 < tEnd; t += 2) {
                int pk = tp[t];
                int a = pk & 0xffff;
                int c = pk >>> 16;
                double w = tc[t];
                double r1 = u[a];
                double i1 = u[a + 1];
                double r2 = u[c];
                double i2 = u[c + 1];
                zr0 += w * (r1 * r2 - i1 * i2);
                zi0 += w * (r1 * i2 + i1 * r2);
                pk = tp[t + 1];
                a = pk & 0xffff;
                c = pk >>> 16;
                w = tc[t + 1];
                r1 = u[a];
                i1 = u[a + 1];
                r2 = u[c];
                i2 = u[c + 1];
                zr1 += w * (r1 * r2 - i1 * i2);
                zi1 += w * (r1 * i2 + i1 * r2);
            }
            if (t < tEnd) {
                int pk = tp[t];
                int a = pk & 0xffff;
                int c = pk >>> 16;
                double w = tc[t];
                double r1 = u[a];
                double i1 = u[a + 1];
                double r2 = u[c];
                double i2 = u[c + 1];
                zr0 += w * (r1 * r2 - i1 * i2);
                zi0 += w * (r1 * i2 + i1 * r2);
            }
            int jju = 2 * zJju[jjz];
            b[bCellComp[q]] += bCellWeight[q] * (u[jju] * (zr0 + zr1) + u[jju + 1] * (zi0 + zi1));
        }
        for (int k = 0; k < componentCount; k++) {
            out[offset + k] = 2.0 * b[k] - bzero[k];
        }
    }

    /**
     * Computes the adjoint Y = sum_k beta_k dB_k/dU of the central atom (after {@link #computeU});
     * the derivatives then follow from {@link #deidrj}.
     *
     * @param ws the central atom's workspace, after {@link #computeU}
     * @param beta dE_i/dB_k, length K (the linear coefficients, or beta + alpha B for qSNAP)
     */
    public void computeY(Workspace ws, double[] beta) {
        zAndY(ws, beta, null, 0, false);
    }

    /**
     * Computes, in one pass over Z, the bispectrum (as {@link #bispectrum}) and the adjoint Y for a
     * linear potential with coefficients beta (as {@link #computeY}).
     *
     * @param ws the central atom's workspace, after {@link #computeU}
     * @param beta dE_i/dB_k, length K
     * @param out receives the K components at {@code out[offset .. offset + K - 1]}
     * @param offset first index written in out
     */
    public void bispectrumAndY(Workspace ws, double[] beta, double[] out, int offset) {
        zAndY(ws, beta, out, offset, false);
    }

    /**
     * Computes and keeps all Z elements of the central atom (after {@link #computeU}), needed by
     * {@link #dbidrj}; also writes the bispectrum to out when out is not null.
     *
     * @param ws the central atom's workspace, after {@link #computeU}
     * @param out receives the K components at {@code out[offset .. offset + K - 1]}, or null
     * @param offset first index written in out
     */
    public void computeZ(Workspace ws, double[] out, int offset) {
        zAndY(ws, null, out, offset, true);
    }

    private void zAndY(Workspace ws, double[] beta, double[] out, int offset, boolean keepZ) {
        final double[] u = ws.ut;
        final double[] y = ws.y;
        final double[] b = ws.b;
        final boolean withY = beta != null;
        final boolean withB = out != null;
        final int[] tp = tPair;
        final double[] tc = tC;
        final int[] ts = tStart;
        if (withY) {
            java.util.Arrays.fill(y, 0.0);
        }
        java.util.Arrays.fill(b, 0.0);
        for (int jjz = 0; jjz < idxzMax; jjz++) {
            int t = ts[jjz];
            final int tEnd = ts[jjz + 1];
            double zr0 = 0.0;
            double zi0 = 0.0;
            double zr1 = 0.0;
            double zi1 = 0.0;
            for (; t + 1 < tEnd; t += 2) {
                int pk = tp[t];
                int a = pk & 0xffff;
                int c = pk >>> 16;
                double w = tc[t];
                double r1 = u[a];
                double i1 = u[a + 1];
                double r2 = u[c];
                double i2 = u[c + 1];
                zr0 += w * (r1 * r2 - i1 * i2);
                zi0 += w * (r1 * i2 + i1 * r2);
                pk = tp[t + 1];
                a = pk & 0xffff;
                c = pk >>> 16;
                w = tc[t + 1];
                r1 = u[a];
                i1 = u[a + 1];
                r2 = u[c];
                i2 = u[c + 1];
                zr1 += w * (r1 * r2 - i1 * i2);
                zi1 += w * (r1 * i2 + i1 * r2);
            }
            if (t < tEnd) {
                int pk = tp[t];
                int a = pk & 0xffff;
                int c = pk >>> 16;
                double w = tc[t];
                double r1 = u[a];
                double i1 = u[a + 1];
                double r2 = u[c];
                double i2 = u[c + 1];
                zr0 += w * (r1 * r2 - i1 * i2);
                zi0 += w * (r1 * i2 + i1 * r2);
            }
            final double zr = zr0 + zr1;
            final double zi = zi0 + zi1;
            final int jju = 2 * zJju[jjz];
            if (keepZ) {
                ws.zR[jjz] = zr;
                ws.zI[jjz] = zi;
            }
            if (withB) {
                double w = zBWeight[jjz];
                if (w != 0.0) {
                    b[zBComp[jjz]] += w * (u[jju] * zr + u[jju + 1] * zi);
                }
            }
            if (withY) {
                double bf = beta[zBetaComp[jjz]] * zBetaFac[jjz];
                y[jju] += bf * zr;
                y[jju + 1] += bf * zi;
            }
        }
        if (withY) {
            // fold the half-plane weights of the contraction with dU into Y
            for (int k = 0; k < idxuMax; k++) {
                y[2 * k] *= halfW[k];
                y[2 * k + 1] *= halfW[k];
            }
        }
        if (withB) {
            for (int k = 0; k < componentCount; k++) {
                out[offset + k] = 2.0 * b[k] - bzero[k];
            }
        }
    }

    // ------------------------------------------------------------------ two atoms at once

    /**
     * Scratch memory for running the Z stage of two central atoms together (two lanes sharing every
     * index and coefficient load; about 1.4x faster per atom than one at a time). Each lane's
     * arithmetic is the same whatever the other lane holds, so results do not depend on how atoms are
     * paired.
     */
    public static final class PairWorkspace {
        final double[] u2; // [4 jju + lane] real part, [4 jju + 2 + lane] imaginary part
        final double[] b2; // [2 k + lane]

        PairWorkspace(SnapBispectrum k) {
            u2 = new double[4 * k.idxuMax];
            b2 = new double[2 * k.componentCount];
        }
    }

    /** @return a new pair workspace for this kernel (one per thread) */
    public PairWorkspace newPairWorkspace() {
        return new PairWorkspace(this);
    }

    private void pack(Workspace w0, Workspace w1, PairWorkspace pw) {
        final double[] u0 = w0.ut;
        final double[] u1 = w1.ut;
        final double[] u2 = pw.u2;
        for (int k = 0; k < idxuMax; k++) {
            u2[4 * k] = u0[2 * k];
            u2[4 * k + 1] = u1[2 * k];
            u2[4 * k + 2] = u0[2 * k + 1];
            u2[4 * k + 3] = u1[2 * k + 1];
        }
    }

    /**
     * The bispectrum of two central atoms (each after {@link #computeU} in its own workspace); as
     * {@link #bispectrum} for each.
     *
     * @param w0 workspace of the first atom
     * @param w1 workspace of the second atom
     * @param pw scratch for the packed pair, from {@link #newPairWorkspace()}
     * @param out receives the components of both atoms
     * @param off0 where the first atom's K components go
     * @param off1 where the second atom's components go, or -1 to drop them (w1 may then be w0)
     */
    public void bispectrumPair(Workspace w0, Workspace w1, PairWorkspace pw, double[] out, int off0, int off1) {
        pack(w0, w1, pw);
        final double[] u = pw.u2;
        final double[] b = pw.b2;
        final int[] tp = tPair;
        final double[] tc = tC;
        final int[] ts = tStart;
        java.util.Arrays.fill(b, 0.0);
        for (int q = 0; q < bCell.length; q++) {
            final int jjz = bCell[q];
            double r0 = 0.0;
            double r1 = 0.0;
            double i0 = 0.0;
            double i1 = 0.0;
            for (int t = ts[jjz], tEnd = ts[jjz + 1]; t < tEnd; t++) {
                final int pk = tp[t];
                final int a = (pk & 0xffff) << 1;
                final int c = (pk >>> 16) << 1;
                final double w = tc[t];
                final double a0 = u[a];
                final double a1 = u[a + 1];
                final double b0 = u[a + 2];
                final double b1 = u[a + 3];
                final double c0 = u[c];
                final double c1 = u[c + 1];
                final double d0 = u[c + 2];
                final double d1 = u[c + 3];
                r0 += w * (a0 * c0 - b0 * d0);
                i0 += w * (a0 * d0 + b0 * c0);
                r1 += w * (a1 * c1 - b1 * d1);
                i1 += w * (a1 * d1 + b1 * c1);
            }
            final int jju = 4 * zJju[jjz];
            final int k = 2 * bCellComp[q];
            final double cw = bCellWeight[q];
            b[k] += cw * (u[jju] * r0 + u[jju + 2] * i0);
            b[k + 1] += cw * (u[jju + 1] * r1 + u[jju + 3] * i1);
        }
        for (int k = 0; k < componentCount; k++) {
            out[off0 + k] = 2.0 * b[2 * k] - bzero[k];
        }
        if (off1 >= 0) {
            for (int k = 0; k < componentCount; k++) {
                out[off1 + k] = 2.0 * b[2 * k + 1] - bzero[k];
            }
        }
    }

    /**
     * The bispectrum (as {@link #bispectrum}) and the adjoint Y (as {@link #computeY}, into each
     * atom's own workspace, ready for {@link #deidrj}) of two central atoms.
     *
     * @param w0 workspace of the first atom
     * @param w1 workspace of the second atom
     * @param pw scratch for the packed pair, from {@link #newPairWorkspace()}
     * @param beta0 dE/dB of the first atom, length K
     * @param beta1 dE/dB of the second atom
     * @param out receives B, or null
     * @param off0 where the first atom's K components go
     * @param off1 where the second atom's components go, or -1 to drop them (w1 may then be w0)
     */
    public void bispectrumAndYPair(Workspace w0, Workspace w1, PairWorkspace pw, double[] beta0, double[] beta1,
            double[] out, int off0, int off1) {
        pack(w0, w1, pw);
        final double[] u = pw.u2;
        final double[] b = pw.b2;
        final double[] y0 = w0.y;
        final double[] y1 = w1.y;
        final int[] tp = tPair;
        final double[] tc = tC;
        final int[] ts = tStart;
        java.util.Arrays.fill(b, 0.0);
        java.util.Arrays.fill(y0, 0.0);
        if (y1 != y0) {
            java.util.Arrays.fill(y1, 0.0);
        }
        for (int jjz = 0; jjz < idxzMax; jjz++) {
            double r0 = 0.0;
            double r1 = 0.0;
            double i0 = 0.0;
            double i1 = 0.0;
            for (int t = ts[jjz], tEnd = ts[jjz + 1]; t < tEnd; t++) {
                final int pk = tp[t];
                final int a = (pk & 0xffff) << 1;
                final int c = (pk >>> 16) << 1;
                final double w = tc[t];
                final double a0 = u[a];
                final double a1 = u[a + 1];
                final double b0 = u[a + 2];
                final double b1 = u[a + 3];
                final double c0 = u[c];
                final double c1 = u[c + 1];
                final double d0 = u[c + 2];
                final double d1 = u[c + 3];
                r0 += w * (a0 * c0 - b0 * d0);
                i0 += w * (a0 * d0 + b0 * c0);
                r1 += w * (a1 * c1 - b1 * d1);
                i1 += w * (a1 * d1 + b1 * c1);
            }
            final int j4 = 4 * zJju[jjz];
            final double bw = zBWeight[jjz];
            if (bw != 0.0) {
                final int k = 2 * zBComp[jjz];
                b[k] += bw * (u[j4] * r0 + u[j4 + 2] * i0);
                b[k + 1] += bw * (u[j4 + 1] * r1 + u[j4 + 3] * i1);
            }
            final int j2 = 2 * zJju[jjz];
            final int bc = zBetaComp[jjz];
            final double bf = zBetaFac[jjz];
            final double f0 = beta0[bc] * bf;
            final double f1 = beta1[bc] * bf;
            if (y1 != y0) {
                y1[j2] += f1 * r1;
                y1[j2 + 1] += f1 * i1;
            }
            y0[j2] += f0 * r0;
            y0[j2 + 1] += f0 * i0;
        }
        for (int k = 0; k < idxuMax; k++) {
            y0[2 * k] *= halfW[k];
            y0[2 * k + 1] *= halfW[k];
        }
        if (y1 != y0) {
            for (int k = 0; k < idxuMax; k++) {
                y1[2 * k] *= halfW[k];
                y1[2 * k + 1] *= halfW[k];
            }
        }
        if (out != null) {
            for (int k = 0; k < componentCount; k++) {
                out[off0 + k] = 2.0 * b[2 * k] - bzero[k];
            }
            if (off1 >= 0) {
                for (int k = 0; k < componentCount; k++) {
                    out[off1 + k] = 2.0 * b[2 * k + 1] - bzero[k];
                }
            }
        }
    }

    // ------------------------------------------------------------------ derivatives

    /**
     * dE_i/dr_ij for every neighbour j of the central atom (after {@link #computeY} or
     * {@link #bispectrumAndY}), where r_ij = r_j - r_i and E_i the energy of the central atom.
     *
     * @param ws the central atom's workspace (per-neighbour U kept by {@link #computeU(Workspace)})
     * @param dedr receives 3 values per neighbour, in the order neighbours were added, at
     *     {@code dedr[offset + 3 e + xyz]} (eV/Å)
     * @param offset first index written in dedr
     * @throws IllegalStateException when the per-neighbour U were not kept
     */
    public void deidrj(Workspace ws, double[] dedr, int offset) {
        if (!ws.neighborsKept) {
            throw new IllegalStateException("deidrj needs computeU(ws) (or computeU(ws, true)) for this atom");
        }
        final double[] c = ws.coef;
        forceCoefficients(ws.y, c);
        final double[] u = ws.ul;
        final int nc = compactSize;
        for (int e = 0; e < ws.n; e++) {
            final int base = 2 * (e & ~1) * nc + (e & 1); // lane (e & 1) of the pair holding e
            double p0 = 0.0;
            double p1 = 0.0;
            double p2 = 0.0;
            double p3 = 0.0;
            double p4 = 0.0;
            for (int q = base, k = 0; k < 10 * nc; q += 4, k += 10) {
                final double ur = u[q];
                final double ui = u[q + 2];
                p0 += c[k] * ur + c[k + 1] * ui;
                p1 += c[k + 2] * ur + c[k + 3] * ui;
                p2 += c[k + 4] * ur + c[k + 5] * ui;
                p3 += c[k + 6] * ur + c[k + 7] * ui;
                p4 += c[k + 8] * ur + c[k + 9] * ui;
            }
            neighborDerivative(ws, e, distance(ws, e), p0, p1, p2, p3, p4, dedr, offset + 3 * e);
        }
    }

    private static double distance(Workspace ws, int e) {
        final double x = ws.rij[3 * e];
        final double y = ws.rij[3 * e + 1];
        final double z = ws.rij[3 * e + 2];
        return Math.sqrt(x * x + y * y + z * z);
    }

    /**
     * The coefficients of the force contraction of one atom from its adjoint Y (half-plane weights
     * folded in), over the compact U layout, 10 per element: P_n = sum_c coef[10 c + 2 n] Re u_c +
     * coef[10 c + 2 n + 1] Im u_c gives P_0 = Re sum conj(Y) u and, with
     * dU_J = sqrt((J-ma)(J-mb)) U_{J-1}(ma, mb) d(conj a) - sqrt(ma (J-mb)) U_{J-1}(ma-1, mb) d(conj b)
     * + sqrt(mb (J-ma)) U_{J-1}(ma, mb-1) db + sqrt(ma mb) U_{J-1}(ma-1, mb-1) da
     * (U_J is f [x^ma] (conj a - conj b x)^(J-mb) (b + a x)^mb with f = sqrt(ma! (J-ma)! / (mb! (J-mb)!))),
     * Re sum conj(Y) dU/dr_k = da_r/dr_k P_1 + da_i/dr_k P_2 + db_r/dr_k P_3 - db_i/dr_k P_4.
     */
    private void forceCoefficients(double[] y, double[] c) {
        java.util.Arrays.fill(c, 0.0);
        for (int j = 0; j <= twojmax; j++) {
            final int lo = idxuBlock[j];
            final int cb = cBlock[j];
            for (int k = 0; k < halfLen[j]; k++) {
                c[10 * (cb + k)] = y[2 * (lo + k)];
                c[10 * (cb + k) + 1] = y[2 * (lo + k) + 1];
            }
        }
        final int nh = pbY.length;
        for (int h = 0; h < nh; h++) {
            final double yr = y[2 * pbY[h]];
            final double yi = y[2 * pbY[h] + 1];
            if (yr == 0.0 && yi == 0.0) {
                continue;
            }
            // G_v = f_v conj(Y): Gr = f yr, Gi = -f yi; T_v = sum G_v u
            int t = pbTarget[4 * h];
            if (t >= 0) { // A: P1 += Re T_A, P2 += Im T_A
                final double gr = pbFactor[4 * h] * yr;
                final double gi = -pbFactor[4 * h] * yi;
                c[10 * t + 2] += gr;
                c[10 * t + 3] -= gi;
                c[10 * t + 4] += gi;
                c[10 * t + 5] += gr;
            }
            t = pbTarget[4 * h + 1];
            if (t >= 0) { // B: P3 -= Re T_B, P4 += Im T_B
                final double gr = pbFactor[4 * h + 1] * yr;
                final double gi = -pbFactor[4 * h + 1] * yi;
                c[10 * t + 6] -= gr;
                c[10 * t + 7] += gi;
                c[10 * t + 8] += gi;
                c[10 * t + 9] += gr;
            }
            t = pbTarget[4 * h + 2];
            if (t >= 0) { // b: P3 += Re T_b, P4 += Im T_b
                final double gr = pbFactor[4 * h + 2] * yr;
                final double gi = -pbFactor[4 * h + 2] * yi;
                c[10 * t + 6] += gr;
                c[10 * t + 7] -= gi;
                c[10 * t + 8] += gi;
                c[10 * t + 9] += gr;
            }
            t = pbTarget[4 * h + 3];
            if (t >= 0) { // a: P1 += Re T_a, P2 -= Im T_a
                final double gr = pbFactor[4 * h + 3] * yr;
                final double gi = -pbFactor[4 * h + 3] * yi;
                c[10 * t + 2] += gr;
                c[10 * t + 3] -= gi;
                c[10 * t + 4] -= gi;
                c[10 * t + 5] -= gr;
            }
        }
        // the contractions run over W = U / f
        for (int q = 0; q < compactSize; q++) {
            final double f = wScale[q];
            for (int k = 10 * q; k < 10 * q + 10; k++) {
                c[k] *= f;
            }
        }
    }

    /**
     * dE_i/dr_ij of neighbour e from the contractions P_0..P_4 of {@link #forceCoefficients}:
     * 2 [d(fc w)/dr r_hat P_0 + fc w (da_r P_1 + da_i P_2 + db_r P_3 - db_i P_4)].
     */
    private void neighborDerivative(Workspace ws, int e, double r, double p0, double p1, double p2, double p3,
            double p4, double[] out, int at) {
        final double x = ws.rij[3 * e];
        final double y = ws.rij[3 * e + 1];
        final double z = ws.rij[3 * e + 2];
        final double rsq = r * r;
        final double rc = ws.rcut[e];
        final double rscale0 = rfac0 * Math.PI / (rc - rmin0);
        final double theta0 = (r - rmin0) * rscale0;
        final double z0 = r / Math.tan(theta0);
        final double dz0dr = z0 / r - (r * rscale0) * (rsq + z0 * z0) / rsq;
        final double rinv = 1.0 / r;
        final double ux = x * rinv;
        final double uy = y * rinv;
        final double uz = z * rinv;
        final double r0inv = 1.0 / Math.sqrt(rsq + z0 * z0);
        final double dr0invdr = -r0inv * r0inv * r0inv * (r + z0 * dz0dr);
        final double dr0x = dr0invdr * ux;
        final double dr0y = dr0invdr * uy;
        final double dr0z = dr0invdr * uz;
        // a = (z0 - i z) r0inv, b = (y - i x) r0inv
        final double darx = dz0dr * ux * r0inv + z0 * dr0x;
        final double dary = dz0dr * uy * r0inv + z0 * dr0y;
        final double darz = dz0dr * uz * r0inv + z0 * dr0z;
        final double daix = -z * dr0x;
        final double daiy = -z * dr0y;
        final double daiz = -z * dr0z - r0inv;
        final double dbrx = y * dr0x;
        final double dbry = y * dr0y + r0inv;
        final double dbrz = y * dr0z;
        final double dbix = -x * dr0x - r0inv;
        final double dbiy = -x * dr0y;
        final double dbiz = -x * dr0z;
        double sf = sfac(r, rc);
        double dsf = dsfac(r, rc);
        if (ws.inner) {
            double si = sfacInner(r, ws.rinner[e], ws.drinner[e]);
            dsf = dsf * si + sf * dsfacInner(r, ws.rinner[e], ws.drinner[e]);
            sf *= si;
        }
        final double w = ws.wj[e];
        final double s = 2.0 * sf * w;
        final double ds = 2.0 * dsf * w * p0;
        out[at] = ds * ux + s * (darx * p1 + daix * p2 + dbrx * p3 - dbix * p4);
        out[at + 1] = ds * uy + s * (dary * p1 + daiy * p2 + dbry * p3 - dbiy * p4);
        out[at + 2] = ds * uz + s * (darz * p1 + daiz * p2 + dbrz * p3 - dbiz * p4);
    }

    /**
     * dB_k/dr_ij of the central atom for one neighbour e (after {@link #computeZ}).
     *
     * @param ws the central atom's workspace, after {@link #computeZ}
     * @param e neighbour index (order of {@link Workspace#addNeighbor})
     * @param out receives K x 3 values, {@code out[offset + 3 k + xyz]} (per Å)
     * @param offset first index written in out
     */
    public void dbidrj(Workspace ws, int e, double[] out, int offset) {
        final int nu = idxuMax;
        double[] f = duarray(ws, e);
        double sfac = f[0];
        double dsfac = f[1];
        final double[] duR = ws.duR;
        final double[] duI = ws.duI;
        for (int j = 0; j <= twojmax; j++) {
            int lo = idxuBlock[j];
            int hi = lo + halfLen[j];
            for (int jju = lo; jju < hi; jju++) {
                double ur = ws.ucR[cBlock[j] + jju - lo];
                double ui = ws.ucI[cBlock[j] + jju - lo];
                for (int k = 0; k < 3; k++) {
                    double uk = f[2 + k];
                    duR[3 * jju + k] = dsfac * ur * uk + sfac * duR[3 * jju + k];
                    duI[3 * jju + k] = dsfac * ui * uk + sfac * duI[3 * jju + k];
                }
            }
        }
        for (int c = 0; c < componentCount; c++) {
            int j1 = bj1[c];
            int j2 = bj2[c];
            int j = bj[c];
            double fac1 = bnormFlag ? 1.0 : (j + 1) / (j1 + 1.0);
            double fac2 = bnormFlag ? 1.0 : (j + 1) / (j2 + 1.0);
            for (int k = 0; k < 3; k++) {
                double v = halfSum(ws, k, j, idxzBlock[(j1 * jdim + j2) * jdim + j]);
                v += fac1 * halfSum(ws, k, j1, idxzBlock[(j * jdim + j2) * jdim + j1]);
                v += fac2 * halfSum(ws, k, j2, idxzBlock[(j * jdim + j1) * jdim + j2]);
                out[offset + 3 * c + k] = 2.0 * v;
            }
        }
    }

    /** sum over the half plane of Re(conj(dU_j/dr_k) Z) with the middle-row weights. */
    private double halfSum(Workspace ws, int k, int j, int jjz) {
        int lo = idxuBlock[j];
        int hi = lo + halfLen[j];
        double s = 0.0;
        for (int jju = lo; jju < hi; jju++, jjz++) {
            s += halfW[jju] * (ws.duR[3 * jju + k] * ws.zR[jjz] + ws.duI[3 * jju + k] * ws.zI[jjz]);
        }
        return s;
    }

    /**
     * dU_j/dr (without switching and weight) of neighbour e into ws.duR/duI, layout
     * {@code [3 jju + xyz]}, rows mb &lt;= j/2 plus the row (j+1)/2 for odd j.
     *
     * @return {sfac * w, dsfac * w, ux, uy, uz} (a small array reused by the workspace)
     */
    private double[] duarray(Workspace ws, int e) {
        neighborW(ws, e, ws.ucR, ws.ucI, 0);
        for (int q = 0; q < compactSize; q++) {
            ws.ucR[q] *= wScale[q];
            ws.ucI[q] *= wScale[q];
        }
        final double[] uR = ws.ucR;
        final double[] uI = ws.ucI;
        final double[] duR = ws.duR;
        final double[] duI = ws.duI;
        double x = ws.rij[3 * e];
        double y = ws.rij[3 * e + 1];
        double z = ws.rij[3 * e + 2];
        double rsq = x * x + y * y + z * z;
        double r = Math.sqrt(rsq);
        double rc = ws.rcut[e];
        double rscale0 = rfac0 * Math.PI / (rc - rmin0);
        double theta0 = (r - rmin0) * rscale0;
        double z0 = r * Math.cos(theta0) / Math.sin(theta0);
        double dz0dr = z0 / r - (r * rscale0) * (rsq + z0 * z0) / rsq;

        double rinv = 1.0 / r;
        double ux = x * rinv;
        double uy = y * rinv;
        double uz = z * rinv;
        double r0inv = 1.0 / Math.sqrt(rsq + z0 * z0);
        double ar = z0 * r0inv;
        double ai = -z * r0inv;
        double br = y * r0inv;
        double bi = -x * r0inv;
        double dr0invdr = -r0inv * r0inv * r0inv * (r + z0 * dz0dr);
        // d(a_r), d(a_i), d(b_r), d(b_i) along x, y, z
        double dr0x = dr0invdr * ux;
        double dr0y = dr0invdr * uy;
        double dr0z = dr0invdr * uz;
        final double darx = dz0dr * ux * r0inv + z0 * dr0x;
        final double dary = dz0dr * uy * r0inv + z0 * dr0y;
        final double darz = dz0dr * uz * r0inv + z0 * dr0z;
        final double daix = -z * dr0x;
        final double daiy = -z * dr0y;
        final double daiz = -z * dr0z - r0inv;
        final double dbrx = y * dr0x;
        final double dbry = y * dr0y + r0inv;
        final double dbrz = y * dr0z;
        final double dbix = -x * dr0x - r0inv;
        final double dbiy = -x * dr0y;
        final double dbiz = -x * dr0z;

        duR[0] = 0.0;
        duR[1] = 0.0;
        duR[2] = 0.0;
        duI[0] = 0.0;
        duI[1] = 0.0;
        duI[2] = 0.0;
        int idx = 0;
        final double[] ra = rootA;
        final double[] rb = rootB;
        for (int j = 1; j <= twojmax; j++) {
            int pBlk = idxuBlock[j - 1];
            int qBlk = idxuBlock[j];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int p = pBlk + mb * j;
                int q = qBlk + mb * (j + 1);
                double cRx = 0.0;
                double cRy = 0.0;
                double cRz = 0.0;
                double cIx = 0.0;
                double cIy = 0.0;
                double cIz = 0.0;
                for (int ma = 0; ma < j; ma++, idx++) {
                    final int pp = p + ma;
                    final int qq = 3 * (q + ma);
                    final int pc = cBlock[j - 1] + mb * j + ma;
                    final double pr = uR[pc];
                    final double pi = uI[pc];
                    final double dprx = duR[3 * pp];
                    final double dpry = duR[3 * pp + 1];
                    final double dprz = duR[3 * pp + 2];
                    final double dpix = duI[3 * pp];
                    final double dpiy = duI[3 * pp + 1];
                    final double dpiz = duI[3 * pp + 2];
                    final double a = ra[idx];
                    duR[qq] = cRx + a * (darx * pr + daix * pi + ar * dprx + ai * dpix);
                    duR[qq + 1] = cRy + a * (dary * pr + daiy * pi + ar * dpry + ai * dpiy);
                    duR[qq + 2] = cRz + a * (darz * pr + daiz * pi + ar * dprz + ai * dpiz);
                    duI[qq] = cIx + a * (darx * pi - daix * pr + ar * dpix - ai * dprx);
                    duI[qq + 1] = cIy + a * (dary * pi - daiy * pr + ar * dpiy - ai * dpry);
                    duI[qq + 2] = cIz + a * (darz * pi - daiz * pr + ar * dpiz - ai * dprz);
                    final double b = -rb[idx];
                    cRx = b * (dbrx * pr + dbix * pi + br * dprx + bi * dpix);
                    cRy = b * (dbry * pr + dbiy * pi + br * dpry + bi * dpiy);
                    cRz = b * (dbrz * pr + dbiz * pi + br * dprz + bi * dpiz);
                    cIx = b * (dbrx * pi - dbix * pr + br * dpix - bi * dprx);
                    cIy = b * (dbry * pi - dbiy * pr + br * dpiy - bi * dpry);
                    cIz = b * (dbrz * pi - dbiz * pr + br * dpiz - bi * dprz);
                }
                final int qq = 3 * (q + j);
                duR[qq] = cRx;
                duR[qq + 1] = cRy;
                duR[qq + 2] = cRz;
                duI[qq] = cIx;
                duI[qq + 1] = cIy;
                duI[qq + 2] = cIz;
            }
            if ((j & 1) == 1) {
                int mbs = (j - 1) / 2;
                int src = qBlk + mbs * (j + 1);
                int dst = qBlk + (mbs + 1) * (j + 1) + j;
                for (int ma = 0; ma <= j; ma++, src++, dst--) {
                    double sg = ((ma - mbs) & 1) == 0 ? 1.0 : -1.0;
                    for (int k = 0; k < 3; k++) {
                        duR[3 * dst + k] = sg * duR[3 * src + k];
                        duI[3 * dst + k] = -sg * duI[3 * src + k];
                    }
                }
            }
        }
        double sf = sfac(r, rc);
        double dsf = dsfac(r, rc);
        if (ws.inner) {
            double si = sfacInner(r, ws.rinner[e], ws.drinner[e]);
            dsf = dsf * si + sf * dsfacInner(r, ws.rinner[e], ws.drinner[e]);
            sf *= si;
        }
        double[] res = ws.result;
        res[0] = sf * ws.wj[e];
        res[1] = dsf * ws.wj[e];
        res[2] = ux;
        res[3] = uy;
        res[4] = uz;
        return res;
    }
}
