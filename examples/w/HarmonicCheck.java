import java.nio.file.Path;
import org.ddos.descriptors.io.ReadOptions;
import org.ddos.descriptors.io.StructureFormats;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.descriptors.snap.SnapParameters;
import org.ddos.descriptors.snap.SnapPotential;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.sampling.HarmonicReference;
import org.ddos.thermo.freeenergy.FreeEnergyResult;
import org.ddos.thermo.freeenergy.HarmonicShell;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;

/**
 * D-DOS vibrational free energy F - E_0 (eV/atom) of a W archive against the classical harmonic
 * free energy of the same potential's Hessian, F_H = 3/2 k_B T [ln(hbar^2 / (m (k_B T)^2)) + &lt;ln k&gt;]
 * (DescriptorDOS convention, &lt;ln k&gt; over the 3N - 3 stable modes).
 *
 * <pre>
 * java -cp tools/target/ddos.jar examples/w/HarmonicCheck.java W-bcc-lowT.ddos W-bcc.dat 50,100,150,200
 * </pre>
 * The W SNAP files and structures are read from $DDOS_SHARED_DATA/descriptordos/w (default
 * ../shared/data/descriptordos/w).
 */
public class HarmonicCheck {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: HarmonicCheck ARCHIVE STRUCTURE(e.g. W-bcc.dat) T1,T2,...");
            System.exit(2);
        }
        String shared = System.getenv().getOrDefault("DDOS_SHARED_DATA", "../shared");
        Path w = Path.of(shared, "data", "descriptordos", "w");
        SnapParameters p = SnapParameters.read(w.resolve("D.snapparam"));
        SnapCoefficients c = SnapCoefficients.read(w.resolve("X_W.snapcoeff"), p);
        SnapPotential potential = new SnapPotential(p, c, "X");
        Structure lattice = StructureFormats.read(w.resolve(args[1]), null, ReadOptions.withTypeElements("W"));
        PhaseArchive archive = PhaseArchives.read(Path.of(args[0]));
        double lnK = HarmonicReference.of(potential, lattice, 2).logMeanStiffness();
        PhaseFreeEnergy phase = new PhaseFreeEnergy(archive.entropy(0));
        double[] theta = c.linear(0);
        System.out.println("   T(K)   F-E0 D-DOS   F-E0 harmonic   D-DOS - harmonic (meV)   sigma (meV)  unsolved");
        for (String item : args[2].split(",")) {
            double t = Double.parseDouble(item.trim());
            double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * t;
            double harmonic = 1.5 * kt * (Math.log(HarmonicShell.hbarSquaredOverMass(lattice.massOf(0)) / (kt * kt)) + lnK);
            FreeEnergyResult r = phase.evaluate(theta, t);
            System.out.printf("%7.1f  %11.7f  %14.7f  %23.4f  %12.4f  %s%n", t, r.vibrationalFreeEnergy(), harmonic,
                    1e3 * (r.vibrationalFreeEnergy() - harmonic), 1e3 * r.uncertainty(), r.unsolved());
        }
    }
}
