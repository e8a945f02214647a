package org.ddos.calibration.alloy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ddos.descriptors.sma.LodisPotentialFile;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.sma.SmaParameters;

/**
 * A binary A-B second-moment alloy with fixed homonuclear parameters, waiting for its
 * heteronuclear set. The composition x is always the atomic fraction of B (the second element of
 * the name "A-B").
 *
 * <p>Cross-pair conventions (LoDiS {@code read_rgl.f90} and the LAMMPS {@code smatb} examples):
 * r0_AB is the arithmetic mean of the pure r0 values; the cross cutoffs (tail start and end) are
 * the arithmetic means of the pure ones, which for pure pairs with the fcc convention
 * (r0 sqrt 2, r0 sqrt 3) is the same convention for the cross pair.
 *
 * @param elementA chemical symbol of A
 * @param elementB chemical symbol of B (x = fraction of B)
 * @param aa the A-A pair
 * @param bb the B-B pair
 * @param crossR0 r0_AB (Å)
 * @param crossCutoffStart tail start of the cross pair (Å)
 * @param crossCutoffEnd cutoff of the cross pair (Å)
 * @param source where the homonuclear parameters come from (for reports)
 */
public record SmaBinary(String elementA, String elementB, SmaPairParameters aa, SmaPairParameters bb, double crossR0,
        double crossCutoffStart, double crossCutoffEnd, String source) {

    /**
     * @param elementA chemical symbol of A
     * @param elementB chemical symbol of B, different from A
     * @param aa the A-A pair
     * @param bb the B-B pair
     * @param crossR0 r0_AB in Å (&gt; 0)
     * @param crossCutoffStart tail start of the cross pair in Å (&gt; 0)
     * @param crossCutoffEnd cutoff of the cross pair in Å (&gt; crossCutoffStart)
     * @param source where the homonuclear parameters come from
     * @throws IllegalArgumentException on equal symbols or inconsistent cross geometry
     */
    public SmaBinary {
        if (elementA.equals(elementB)) {
            throw new IllegalArgumentException("a binary needs two different elements, got " + elementA + "-" + elementB);
        }
        if (!(crossR0 > 0) || !(crossCutoffEnd > crossCutoffStart) || !(crossCutoffStart > 0)) {
            throw new IllegalArgumentException("cross pair needs r0 > 0 and 0 < cutoffStart < cutoffEnd, got r0 = " + crossR0
                    + " Å, cutoffs " + crossCutoffStart + " / " + crossCutoffEnd + " Å");
        }
    }

    /**
     * The homonuclear sets used by default (fcc metals of Benzi et al. 2026), all from the
     * Ferrando-group files of LoDiS and LAMMPS ({@code ../shared/data/tbsma/REFERENCE-DATA.md}
     * section 2b): Cu (Baletto et al., PRB 2002, as written in LoDiS {@code Cu_Cu3.pot}, with that
     * file's cutoffs 3.6242 / 4.7977 Å; the LAMMPS {@code in.smatbNP} cutoffs r0 sqrt 2 / r0 sqrt 3
     * give a 300 K lattice parameter 0.56% above experiment, these 0.18%: docs/surrogates.md),
     * Ni (LoDiS {@code Ni_Ni.pot}), Pd (LoDiS {@code Ag_Pd.pot}), Pt (LoDiS {@code Pt_Pt.pot});
     * Rh, which has no Ferrando-group set, from Cleri and Rosato, PRB 48, 22 (1993) with the r0
     * and cutoffs (second to fourth neighbour) of LoDiS {@code Rh_Rh3.pot}. Simulated at 300 K
     * (256 atoms, zero pressure) Cu, Ni, Pt and Rh lie 0.18%, 0.24%, 0.18% and 0.26% above the
     * room-temperature experimental lattice parameters.
     */
    private static final Map<String, SmaPairParameters> ELEMENTS = new LinkedHashMap<>();
    private static final Map<String, String> ELEMENT_SOURCES = new LinkedHashMap<>();

    static {
        ELEMENTS.put("Cu", new SmaPairParameters(10.55, 2.43, 0.089377, 1.279880, 2.56, 3.6242, 4.7977));
        ELEMENT_SOURCES.put("Cu", "Cu: Baletto et al. PRB 2002 as in LoDiS Cu_Cu3.pot (cutoffs 3.6242 / 4.7977 Å)");
        ELEMENTS.put("Ni", new SmaPairParameters(11.34, 2.27, 0.0958, 1.5624, 2.49, 3.52139177, 4.31280651));
        ELEMENT_SOURCES.put("Ni", "Ni: LoDiS Ni_Ni.pot (Ferrando group)");
        ELEMENTS.put("Pd", new SmaPairParameters(11.0, 3.794, 0.171493044170195, 1.70187320775624, 2.75064537881566,
                2.75064537881566 * Math.sqrt(2), 2.75064537881566 * Math.sqrt(3)));
        ELEMENT_SOURCES.put("Pd", "Pd: LoDiS Ag_Pd.pot (Ferrando group), fcc cutoffs r0 sqrt2 / r0 sqrt3");
        ELEMENTS.put("Pt", new SmaPairParameters(10.71, 3.845, 0.27442825, 2.62094617, 2.77, 3.917371511, 4.797780991));
        ELEMENT_SOURCES.put("Pt", "Pt: LoDiS Pt_Pt.pot (Ferrando group)");
        ELEMENTS.put("Rh", new SmaPairParameters(18.45, 1.867, 0.0629, 1.66, 2.68912, 3.803, 5.37825));
        ELEMENT_SOURCES.put("Rh", "Rh: Cleri-Rosato PRB 1993 with r0 and cutoffs of LoDiS Rh_Rh3.pot");
    }

    /** @return the symbols with a default homonuclear set */
    public static String[] knownElements() {
        return ELEMENTS.keySet().toArray(new String[0]);
    }

    /**
     * @param name "A-B" with both elements among {@link #knownElements()}, e.g. "Cu-Ni"
     * @return the binary with the default homonuclear sets
     * @throws IllegalArgumentException naming the unknown element or a malformed name
     */
    public static SmaBinary named(String name) {
        String[] t = name.trim().split("-");
        if (t.length != 2) {
            throw new IllegalArgumentException("binary system must be written A-B (e.g. Cu-Ni), got '" + name + "'");
        }
        for (String el : t) {
            if (!ELEMENTS.containsKey(el)) {
                throw new IllegalArgumentException("no default second-moment parameters for element '" + el + "' in '" + name
                        + "' (known: " + String.join(", ", ELEMENTS.keySet()) + ")");
            }
        }
        return of(t[0], t[1], ELEMENTS.get(t[0]), ELEMENTS.get(t[1]),
                ELEMENT_SOURCES.get(t[0]) + "; " + ELEMENT_SOURCES.get(t[1]));
    }

    /**
     * @param elementA chemical symbol of A
     * @param elementB chemical symbol of B
     * @param aa the A-A pair
     * @param bb the B-B pair
     * @param source where the homonuclear parameters come from
     * @return a binary with the cross r0 and cutoffs as the means of the pure ones
     */
    public static SmaBinary of(String elementA, String elementB, SmaPairParameters aa, SmaPairParameters bb, String source) {
        return new SmaBinary(elementA, elementB, aa, bb, 0.5 * (aa.r0() + bb.r0()),
                0.5 * (aa.cutoffStart() + bb.cutoffStart()), 0.5 * (aa.cutoffEnd() + bb.cutoffEnd()), source);
    }

    /**
     * The homonuclear part of a published LoDiS binary file with the file's own conventions
     * (r0 = 2 radius, r0_AB the mean, the single cutoff pair of the file for every pair); its
     * heteronuclear column is {@link #publishedCross(LodisPotentialFile)}.
     *
     * @param file a parsed LoDiS binary parameter file
     * @return the binary with the file's homonuclear pairs and cross geometry
     * @throws IllegalArgumentException for a pure-metal or incomplete file
     */
    public static SmaBinary fromLodis(LodisPotentialFile file) {
        if (file.elements() == null || file.pureMetal()) {
            throw new IllegalArgumentException(file.file() + ": not a binary LoDiS file");
        }
        SmaParameters p = file.toParameters();
        SmaPairParameters ab = p.pair(0, 1);
        return new SmaBinary(file.elements()[0], file.elements()[1], p.pair(0, 0), p.pair(1, 1), ab.r0(), ab.cutoffStart(),
                ab.cutoffEnd(), "LoDiS " + file.file());
    }

    /**
     * @param file a parsed LoDiS binary parameter file
     * @return the heteronuclear column (p, q, A, xi) of a LoDiS binary file
     */
    public static HeteronuclearParameters publishedCross(LodisPotentialFile file) {
        return new HeteronuclearParameters(file.p()[2], file.q()[2], file.a()[2], file.xi()[2]);
    }

    /** @return the same alloy named B-A (x becomes the fraction of the old A) */
    public SmaBinary swapped() {
        return new SmaBinary(elementB, elementA, bb, aa, crossR0, crossCutoffStart, crossCutoffEnd, source);
    }

    /** @return "A-B" */
    public String name() {
        return elementA + "-" + elementB;
    }

    /**
     * @param h heteronuclear parameters
     * @return the cross pair for a heteronuclear set, with this binary's r0_AB and cutoffs
     */
    public SmaPairParameters cross(HeteronuclearParameters h) {
        return new SmaPairParameters(h.p(), h.q(), h.a(), h.xi(), crossR0, crossCutoffStart, crossCutoffEnd);
    }

    /**
     * @param cross the A-B pair
     * @return the complete parameter set A, B with the given cross pair
     */
    public SmaParameters parameters(SmaPairParameters cross) {
        return SmaParameters.binary(elementA, elementB, aa, bb, cross);
    }

    /**
     * @param h heteronuclear parameters
     * @return the complete parameter set A, B with a heteronuclear set
     */
    public SmaParameters parameters(HeteronuclearParameters h) {
        return parameters(cross(h));
    }

    /**
     * @param species 0 for A, 1 for B
     * @return the pure pair of species 0 (A) or 1 (B)
     * @throws IllegalArgumentException when species is neither 0 nor 1
     */
    public SmaPairParameters pure(int species) {
        if (species != 0 && species != 1) {
            throw new IllegalArgumentException("species must be 0 (A) or 1 (B), got " + species);
        }
        return species == 0 ? aa : bb;
    }

    /**
     * @param species 0 for A, 1 for B (not checked: any value but 0 gives B)
     * @return the symbol of species 0 (A) or 1 (B)
     */
    public String element(int species) {
        return species == 0 ? elementA : elementB;
    }

    /**
     * The heteronuclear set as the arithmetic mean of the pure ones (the "mixing rule"), a
     * neutral starting point and the centre of the default sampling box.
     *
     * @return the mean of the A-A and B-B values of p, q, A and xi
     */
    public HeteronuclearParameters arithmeticMean() {
        return new HeteronuclearParameters(0.5 * (aa.p() + bb.p()), 0.5 * (aa.q() + bb.q()), 0.5 * (aa.a() + bb.a()),
                0.5 * (aa.xi() + bb.xi()));
    }

    /**
     * LAMMPS {@code pair_style smatb} input: one {@code pair_coeff i j r0 p q A xi rs rc} line per
     * pair, types 1 = A and 2 = B.
     *
     * @param h heteronuclear parameters
     * @return the {@code pair_style} line and three {@code pair_coeff} lines (1 1, 1 2, 2 2)
     */
    public String lammpsPairCoeffs(HeteronuclearParameters h) {
        SmaPairParameters ab = cross(h);
        return "pair_style smatb\n" + coeff(1, 1, aa) + coeff(1, 2, ab) + coeff(2, 2, bb);
    }

    private static String coeff(int i, int j, SmaPairParameters s) {
        return String.format(Locale.ROOT, "pair_coeff %d %d %.6f %.6f %.6f %.8f %.8f %.8f %.8f%n", i, j, s.r0(), s.p(), s.q(),
                s.a(), s.xi(), s.cutoffStart(), s.cutoffEnd());
    }

    /**
     * A LoDiS / MolDyn RGL parameter file for this binary (columns A, B, A-B; radii = r0 / 2).
     * LoDiS takes one cutoff pair for all pairs: the file gives the cross-pair cutoffs, so the
     * pure pairs in LoDiS differ from ours when their own cutoffs differ; this is said in the
     * header.
     *
     * @param h heteronuclear parameters (the A-B column)
     * @param masses masses of A and B (amu) for the file
     * @param cohesive cohesive energies of A and B (eV) for the file (informational in LoDiS)
     * @param comment first header line
     * @return the file text
     */
    public String lodisFile(HeteronuclearParameters h, double[] masses, double[] cohesive, String comment) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(comment).append('\n');
        b.append("# homonuclear: ").append(source).append('\n');
        b.append(String.format(Locale.ROOT, "# note: LoDiS uses one cutoff pair for all pairs; ours: %s-%s %.6f/%.6f, %s-%s %.6f/%.6f,"
                + " cross %.6f/%.6f Å%n", elementA, elementA, aa.cutoffStart(), aa.cutoffEnd(), elementB, elementB,
                bb.cutoffStart(), bb.cutoffEnd(), crossCutoffStart, crossCutoffEnd));
        b.append("###########################\n");
        b.append(elementA).append(' ').append(elementB).append('\n');
        b.append("# PARAMETRIZATION OF ").append(name()).append(" INTERACTION\n");
        b.append(String.format(Locale.ROOT, "#      %-20s %-20s %s%n", elementA, elementB, name()));
        b.append(String.format(Locale.ROOT, "   %-20s %-20s %-20s p%n", d(aa.p()), d(bb.p()), d(h.p())));
        b.append(String.format(Locale.ROOT, "   %-20s %-20s %-20s q%n", d(aa.q()), d(bb.q()), d(h.q())));
        b.append(String.format(Locale.ROOT, "   %-20s %-20s %-20s a(eV)%n", d(aa.a()), d(bb.a()), d(h.a())));
        b.append(String.format(Locale.ROOT, "   %-20s %-20s %-20s qsi(eV)%n", d(aa.xi()), d(bb.xi()), d(h.xi())));
        b.append("#########################################\n");
        b.append("## OTHER METAL PROPERTIES\n");
        b.append(String.format(Locale.ROOT, " %s  %s  Cohesion energy [eV]%n", d(cohesive[0]), d(cohesive[1])));
        b.append(String.format(Locale.ROOT, " %s  %s  Atomic radius [Angstrom]%n", d(aa.r0() / 2), d(bb.r0() / 2)));
        b.append(String.format(Locale.ROOT, " %s  %s  Mass [amu]%n", d(masses[0]), d(masses[1])));
        b.append("############################################################################\n");
        b.append("# CUTOFF_START AND CUTOFF_END [Angstrom]\n");
        b.append(String.format(Locale.ROOT, "     %.8f  %.8f%n", crossCutoffStart, crossCutoffEnd));
        return b.toString();
    }

    private static String d(double v) {
        String s = String.format(Locale.ROOT, "%.8g", v);
        return s.contains("e") ? s.replace('e', 'd') : s + "d0";
    }
}
