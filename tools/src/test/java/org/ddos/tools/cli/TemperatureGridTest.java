package org.ddos.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TemperatureGridTest {
    @Test
    void listsRangesAndTheirUnionAreAcceptedByEveryCommand() {
        assertArrayEquals(new double[] {1000, 1500, 2000}, TemperatureGrid.parse("2000,1000,1500"));
        assertArrayEquals(new double[] {500, 1000, 1500, 2000, 2500}, TemperatureGrid.parse("500:2500:5"));
        // union, sorted, repeats removed
        assertArrayEquals(new double[] {300, 500, 1000, 1500}, TemperatureGrid.parse("300,500:1500:3,1000"));
        assertArrayEquals(new double[] {750}, TemperatureGrid.parse("750"));
        assertArrayEquals(new double[] {1000, 2000}, TemperatureGrid.parseRange("1000,2000"));
    }

    @Test
    void badSpecificationsNameTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureGrid.parse("1000,,2000")).getMessage().contains("empty item"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureGrid.parse("1000,")).getMessage().contains("empty item"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureGrid.parse("1000,hot")).getMessage().contains("numbers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureGrid.parse("1000:500:3")).getMessage().contains("STOP must exceed START"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureGrid.parse("0,300")).getMessage().contains("positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureGrid.parse("NaN")).getMessage().contains("positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureGrid.parse("1:2")).getMessage().contains("START:STOP:COUNT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureGrid.parseRange("1000")).getMessage().contains("at least two"));
    }
}
