package org.ddos.calibration.alloy;

/**
 * Lengths and move mix of one Monte Carlo run ({@link AlloyMonteCarlo#run}).
 *
 * @param equilibrationSweeps sweeps discarded while the step sizes adapt (at least 10)
 * @param productionSweeps sweeps averaged (at least {@code blocks})
 * @param blocks number of blocks for the block-average error (at least 2)
 * @param volumeMovesPerSweep isotropic ln V moves per sweep at zero pressure; 0 for constant volume
 * @param targetAcceptance acceptance ratio the step sizes adapt to during equilibration, in (0, 1)
 */
public record MonteCarloSettings(int equilibrationSweeps, int productionSweeps, int blocks, int volumeMovesPerSweep,
        double targetAcceptance) {

    /**
     * @param equilibrationSweeps sweeps discarded while the step sizes adapt (&gt;= 10)
     * @param productionSweeps sweeps averaged (&gt;= blocks)
     * @param blocks blocks for the block-average error (&gt;= 2)
     * @param volumeMovesPerSweep ln V moves per sweep (&gt;= 0; 0 for constant volume)
     * @param targetAcceptance acceptance ratio aimed at during equilibration, in (0, 1)
     * @throws IllegalArgumentException naming the first invalid field
     */
    public MonteCarloSettings {
        if (equilibrationSweeps < 10) {
            throw new IllegalArgumentException("equilibration needs at least 10 sweeps, got " + equilibrationSweeps);
        }
        if (blocks < 2) {
            throw new IllegalArgumentException("block averaging needs at least 2 blocks, got " + blocks);
        }
        if (productionSweeps < blocks) {
            throw new IllegalArgumentException("production sweeps (" + productionSweeps + ") must be at least the number of blocks ("
                    + blocks + ")");
        }
        if (volumeMovesPerSweep < 0) {
            throw new IllegalArgumentException("volume moves per sweep must be non-negative, got " + volumeMovesPerSweep);
        }
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("target acceptance must lie in (0, 1), got " + targetAcceptance);
        }
    }

    /**
     * @param equilibrationSweeps sweeps discarded while the step sizes adapt (&gt;= 10)
     * @param productionSweeps sweeps averaged (&gt;= 20)
     * @return zero-pressure settings with one volume move per sweep, 20 blocks, 40% target acceptance
     */
    public static MonteCarloSettings npt(int equilibrationSweeps, int productionSweeps) {
        return new MonteCarloSettings(equilibrationSweeps, productionSweeps, 20, 1, 0.4);
    }

    /**
     * @param equilibrationSweeps sweeps discarded while the step sizes adapt (&gt;= 10)
     * @param productionSweeps sweeps averaged (&gt;= 20)
     * @return constant-volume settings, 20 blocks, 40% target acceptance
     */
    public static MonteCarloSettings nvt(int equilibrationSweeps, int productionSweeps) {
        return new MonteCarloSettings(equilibrationSweeps, productionSweeps, 20, 0, 0.4);
    }
}
