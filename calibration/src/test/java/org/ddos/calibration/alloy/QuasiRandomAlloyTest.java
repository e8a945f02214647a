package org.ddos.calibration.alloy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.junit.jupiter.api.Test;

class QuasiRandomAlloyTest {
    private static final Structure FCC = Lattices.fcc("Cu", 3.6, 4, 4, 4);

    @Test
    void fccShellsHaveTwelveSixAndTwentyFourNeighbours() {
        int[][][] nb = QuasiRandomAlloy.shellNeighbours(FCC, 3);
        assertEquals(12, nb[0][0].length);
        assertEquals(6, nb[1][0].length);
        assertEquals(24, nb[2][0].length);
    }

    @Test
    void pairCorrelationsOfTheFirstThreeShellsAreThoseOfTheRandomAlloy() {
        for (int countB : new int[] {64, 128, 192, 25}) {
            QuasiRandomAlloy.Arrangement a = QuasiRandomAlloy.arrange(FCC, countB, 3, 11);
            int b = 0;
            for (int s : a.species()) {
                b += s;
            }
            assertEquals(countB, b, "number of B atoms");
            // recomputed independently of the swap bookkeeping
            double[] alpha = QuasiRandomAlloy.warrenCowley(FCC, a.species(), 3);
            assertArrayEquals(alpha, a.warrenCowley(), 1e-12);
            double x = countB / 256.0;
            for (int s = 0; s < 3; s++) {
                // one bond more or less changes alpha by 1 / (z N x (1 - x)); allow two
                double quantum = 1.0 / (a.shellSizes()[s] * 256 * x * (1 - x));
                assertTrue(Math.abs(alpha[s]) <= 2 * quantum, "shell " + (s + 1) + " alpha " + alpha[s] + " for " + countB + " B atoms");
            }
        }
        // a plain shuffle is visibly less random in this sense
        Structure shuffled = Lattices.randomAlloy(FCC, new String[] {"Cu", "Ni"}, new double[] {0.5, 0.5}, 3);
        double[] plain = QuasiRandomAlloy.warrenCowley(FCC, shuffled.species(), 3);
        assertTrue(Math.abs(plain[0]) + Math.abs(plain[1]) + Math.abs(plain[2]) > 5e-3);
    }

    @Test
    void sameSeedSameArrangement() {
        assertArrayEquals(QuasiRandomAlloy.arrange(FCC, 100, 3, 5).species(), QuasiRandomAlloy.arrange(FCC, 100, 3, 5).species());
    }

    @Test
    void rejectsEmptyOrFullCompositions() {
        assertThrows(IllegalArgumentException.class, () -> QuasiRandomAlloy.arrange(FCC, 0, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> QuasiRandomAlloy.arrange(FCC, 256, 3, 1));
    }
}
