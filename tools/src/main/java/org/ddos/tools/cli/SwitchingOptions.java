package org.ddos.tools.cli;

import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.snap.SnapPotential;
import org.ddos.descriptors.structure.Structure;
import org.ddos.thermo.integration.IntegrationResult;
import org.ddos.thermo.integration.SwitchingSettings;
import org.ddos.thermo.integration.ThermodynamicIntegration;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Option;

/** Options of a thermodynamic-integration run, shared by {@code ddos ti} and {@code ddos validate}. */
public final class SwitchingOptions {
    @Option(names = "--switch-steps", defaultValue = "4000", paramLabel = "N",
            description = "MD steps of every switch (Frenkel-Ladd and reversible scaling, each way) (default: ${DEFAULT-VALUE}).")
    int switchSteps;

    @Option(names = "--equilibration-steps", defaultValue = "1000", paramLabel = "N",
            description = "MD steps of equilibration before each switch (default: ${DEFAULT-VALUE}).")
    int equilibrationSteps;

    @Option(names = "--msd-steps", defaultValue = "1000", paramLabel = "N",
            description = "MD steps averaging the mean-squared displacement that sets the Einstein spring (default: ${DEFAULT-VALUE}).")
    int msdSteps;

    @Option(names = "--repeats", defaultValue = "3", paramLabel = "K",
            description = "Independent repeats of the whole protocol; the error bar is their standard error (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--timestep", defaultValue = "0.002", paramLabel = "PS",
            description = "MD timestep in ps (default: ${DEFAULT-VALUE}).")
    double timestep;

    @Option(names = "--friction", defaultValue = "5", paramLabel = "PER_PS",
            description = "Langevin friction in 1/ps (default: ${DEFAULT-VALUE}).")
    double friction;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: available processors).")
    Integer threads;

    @Option(names = "--reference", defaultValue = "highest", paramLabel = "highest|lowest",
            description = "Temperature of the Frenkel-Ladd switch; reversible scaling covers the rest (default: ${DEFAULT-VALUE}).")
    String reference;

    @Option(names = "--reference-crystal", defaultValue = "einstein", paramLabel = "einstein|harmonic",
            description = "Reference of the switch: the Einstein crystal (spring from the MSD) or the harmonic crystal of the"
                    + " Hessian (same free energy, far less noise for anharmonic crystals) (default: ${DEFAULT-VALUE}).")
    String referenceCrystal;

    @Option(names = "--scaling", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Reversible scaling from one switch over the range (default); --no-scaling switches at every temperature.")
    boolean scaling;

    @Option(names = "--harmonic", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also give the harmonic free energy from the Hessian (default: on; --no-harmonic skips the Hessian).")
    boolean harmonic;

    /** @return the settings */
    SwitchingSettings settings() {
        return new SwitchingSettings(timestep, friction, equilibrationSteps, switchSteps, msdSteps, repeats, seed);
    }

    int totalThreads() {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + t);
        }
        return t;
    }

    /** @return repeats run at the same time */
    int parallelRepeats() {
        return Math.min(totalThreads(), repeats);
    }

    boolean referenceAtHighest() {
        return switch (reference.toLowerCase(Locale.ROOT)) {
            case "highest" -> true;
            case "lowest" -> false;
            default -> throw new IllegalArgumentException("--reference must be highest or lowest, got '" + reference + "'");
        };
    }

    /** SNAP gets the threads the parallel repeats leave; other potentials are used as they are. */
    Potential forMd(Potential potential) {
        if (potential instanceof SnapPotential sp) {
            return sp.withThreads(Math.max(1, totalThreads() / parallelRepeats()));
        }
        return potential;
    }

    boolean harmonicReference() {
        return switch (referenceCrystal.toLowerCase(Locale.ROOT)) {
            case "einstein" -> false;
            case "harmonic" -> true;
            default -> throw new IllegalArgumentException("--reference-crystal must be einstein or harmonic, got '"
                    + referenceCrystal + "'");
        };
    }

    /** @return whether the Hessian is needed (harmonic column or harmonic reference) */
    boolean needsHessian() {
        return harmonic || harmonicReference();
    }

    /**
     * Runs TI with a progress bar on stderr.
     *
     * @param hessian the lattice Hessian (required with --reference-crystal harmonic, else may be null)
     */
    IntegrationResult run(String name, Structure lattice, Potential potential, DMatrixRMaj hessian, double[] temperatures)
            throws InterruptedException {
        ThermodynamicIntegration ti = new ThermodynamicIntegration(lattice, forMd(potential), settings())
                .threads(parallelRepeats()).referenceAtHighestTemperature(referenceAtHighest()).reversibleScaling(scaling);
        if (harmonicReference()) {
            ti.harmonicReference(hessian);
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ti " + name).setInitialMax(1).showSpeed()
                .setUnit(" steps", 1).setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            ti.progress((done, total, stage) -> {
                synchronized (bar) {
                    bar.maxHint(total);
                    bar.stepTo(done);
                    bar.setExtraMessage(stage);
                }
            });
            return ti.run(temperatures);
        }
    }
}
