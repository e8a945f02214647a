package org.ddos.scorematching.sampling;

import java.util.Locale;

/** How displacements on an isosurface of the harmonic reference energy are drawn. */
public enum IsosurfaceFlavor {
    /**
     * On the hyper-ellipsoid u.H.u / 2 = N h of the reference Hessian's stable modes, uniform in the
     * whitened normal coordinates sqrt(k_l) q_l (the microcanonical measure of the harmonic potential
     * energy; not uniform in surface area in u). See {@link IsosurfaceSampler}.
     */
    HESSIAN,
    /**
     * Uniform on the hyper-sphere k_E |u|^2 / 2 = N h in the non-translational subspace, with k_E
     * the geometric mean of the stable Hessian eigenvalues (so log_det is the same as Hessian's).
     */
    EINSTEIN,
    /**
     * Constant-energy molecular dynamics of the reference potential at total energy E_0 + N h
     * ({@link KineticSampler}); the kinetic energy per atom is recorded as an extra descriptor
     * component. Samples the microcanonical measure, not the uniform-on-isosurface one.
     */
    KINETIC;

    /** @return the lower-case name used in files ("hessian", "einstein", "kinetic") */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param s a flavour label, case-insensitive, surrounding blanks ignored ("hessian", "einstein", "kinetic")
     * @return the flavour
     * @throws IllegalArgumentException for an unknown name
     * @throws NullPointerException when {@code s} is null
     */
    public static IsosurfaceFlavor parse(String s) {
        for (IsosurfaceFlavor f : values()) {
            if (f.label().equalsIgnoreCase(s.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown isosurface flavour '" + s + "': expected hessian, einstein or kinetic");
    }
}
