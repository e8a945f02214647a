package org.ddos.calibration.alloy;

/**
 * How one mixing-enthalpy point is simulated ({@link MixingSimulator}).
 *
 * @param cells fcc supercell of cells^3 conventional cells (4 cells^3 atoms; 4 gives 256 atoms)
 * @param alloy Monte Carlo lengths of an alloy run
 * @param pure Monte Carlo lengths of a pure-element run (cached and reused, so make it longer)
 * @param skin bond-list skin (Å)
 * @param shells neighbour shells balanced by the quasirandom arrangement
 * @param arrangementSeed seed of the quasirandom arrangement (one arrangement per B count)
 */
public record MixingSettings(int cells, MonteCarloSettings alloy, MonteCarloSettings pure, double skin, int shells,
        long arrangementSeed) {

    /**
     * @param cells conventional fcc cells per supercell edge (&gt;= 3)
     * @param alloy Monte Carlo lengths of an alloy run (with volume moves)
     * @param pure Monte Carlo lengths of a pure-element run (with volume moves)
     * @param skin bond-list skin in Å (&gt; 0)
     * @param shells neighbour shells balanced by the quasirandom arrangement, 1..6
     * @param arrangementSeed seed of the quasirandom arrangement
     * @throws IllegalArgumentException on fewer than 3 cells, a bad skin or shell count, or run
     *     lengths without volume moves (mixing enthalpies are at zero pressure)
     */
    public MixingSettings {
        if (cells < 3) {
            throw new IllegalArgumentException("the supercell needs at least 3 cells per edge, got " + cells);
        }
        if (!(skin > 0)) {
            throw new IllegalArgumentException("skin must be positive, got " + skin + " Å");
        }
        if (shells < 1 || shells > 6) {
            throw new IllegalArgumentException("shells must lie in 1..6, got " + shells);
        }
        if (alloy.volumeMovesPerSweep() == 0 || pure.volumeMovesPerSweep() == 0) {
            throw new IllegalArgumentException("mixing enthalpies are at zero pressure: volume moves are required");
        }
    }

    /**
     * Defaults used for the datasets: 256 atoms, alloy runs of 150 + 600 sweeps, pure runs of
     * 300 + 4000 sweeps, 1 Å skin, three balanced shells, arrangement seed 2026.
     *
     * @return the default settings
     */
    public static MixingSettings defaults() {
        return new MixingSettings(4, MonteCarloSettings.npt(150, 600), MonteCarloSettings.npt(300, 4000), 1.0, 3, 2026);
    }

    /**
     * @param alloyEquilibration equilibration sweeps of an alloy run
     * @param alloyProduction production sweeps of an alloy run
     * @param pureEquilibration equilibration sweeps of a pure-element run
     * @param pureProduction production sweeps of a pure-element run
     * @return the same settings with other alloy and pure run lengths (NPT, see
     *     {@link MonteCarloSettings#npt})
     */
    public MixingSettings withSweeps(int alloyEquilibration, int alloyProduction, int pureEquilibration, int pureProduction) {
        return new MixingSettings(cells, MonteCarloSettings.npt(alloyEquilibration, alloyProduction),
                MonteCarloSettings.npt(pureEquilibration, pureProduction), skin, shells, arrangementSeed);
    }

    /**
     * @param newCells conventional fcc cells per supercell edge
     * @return the same settings with another supercell size
     */
    public MixingSettings withCells(int newCells) {
        return new MixingSettings(newCells, alloy, pure, skin, shells, arrangementSeed);
    }

    /** @return N = 4 cells^3 */
    public int atoms() {
        return 4 * cells * cells * cells;
    }
}
