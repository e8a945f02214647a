package org.ddos.scorematching.sampling;

import java.util.random.RandomGenerator;

/**
 * Draws displacements on an isosurface of the harmonic reference energy per atom,
 * h(u) = sum_l k_l q_l^2 / (2N) with q_l the normal coordinates of u:
 * <pre>  q_l = sqrt(2 N h / k_l) z_l / |z|,  z ~ standard normal in d = 3N - 3 dimensions,
 *   u = sum_l q_l e_l</pre>
 * which is uniform on the hyper-ellipsoid in the whitened coordinates sqrt(k_l) q_l (the
 * microcanonical measure of the harmonic reference). For the Einstein flavour every k_l is
 * replaced by the geometric mean exp(&lt;ln k&gt;), giving a hyper-sphere. Reference:
 * Swinburne, Lapointe &amp; Marinica, arXiv:2502.18191 (isosurface sampling).
 *
 * <p>Immutable and thread-safe; {@link #displace} uses only the caller's buffers.
 */
public final class IsosurfaceSampler {
    private final HarmonicReference reference;
    private final IsosurfaceFlavor flavor;
    private final double[] stiffness;

    /**
     * @param reference the harmonic reference (stable modes and stiffnesses k_l in eV/Å^2)
     * @param flavor {@link IsosurfaceFlavor#EINSTEIN} replaces every k_l by exp(&lt;ln k&gt;); any other
     *     flavour (including {@link IsosurfaceFlavor#KINETIC}, whose campaigns draw their samples with
     *     {@link KineticSampler} instead) uses the k_l as they are
     * @throws NullPointerException when {@code reference} is null
     */
    public IsosurfaceSampler(HarmonicReference reference, IsosurfaceFlavor flavor) {
        this.reference = reference;
        this.flavor = flavor;
        this.stiffness = reference.stiffness();
        if (flavor == IsosurfaceFlavor.EINSTEIN) {
            java.util.Arrays.fill(stiffness, Math.exp(reference.logMeanStiffness()));
        }
    }

    /** @return the flavour given to the constructor */
    public IsosurfaceFlavor flavor() {
        return flavor;
    }

    /** @return the harmonic reference given to the constructor */
    public HarmonicReference reference() {
        return reference;
    }

    /**
     * Draws one displacement u with h(u) = {@code energyPerAtom} (up to rounding). No argument is checked:
     * a negative energy gives NaN displacements, and wrong buffer lengths give wrong results or an
     * {@link ArrayIndexOutOfBoundsException}.
     *
     * @param energyPerAtom h in eV/atom (positive)
     * @param rng the sample's own generator (d standard normals are drawn from it)
     * @param z scratch of length &gt;= d = 3N - 3; on return z[l] holds the normal draw of mode l
     * @param displacement output, length 3N (Å), index 3 i + xyz for atom i, overwritten
     */
    public void displace(double energyPerAtom, RandomGenerator rng, double[] z, double[] displacement) {
        int d = stiffness.length;
        double norm2 = 0;
        for (int l = 0; l < d; l++) {
            double v = rng.nextGaussian();
            z[l] = v;
            norm2 += v * v;
        }
        double scale = Math.sqrt(2 * reference.atomCount() * energyPerAtom / norm2);
        java.util.Arrays.fill(displacement, 0);
        double[] modes = reference.modes();
        int n3 = displacement.length;
        for (int l = 0; l < d; l++) {
            double q = scale * z[l] / Math.sqrt(stiffness[l]);
            int off = l * n3;
            for (int a = 0; a < n3; a++) {
                displacement[a] += q * modes[off + a];
            }
        }
    }
}
