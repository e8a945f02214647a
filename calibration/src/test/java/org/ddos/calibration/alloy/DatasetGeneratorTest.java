package org.ddos.calibration.alloy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {
    static DatasetDesign tiny() {
        return DatasetDesign.defaults(SmaBinary.named("Cu-Ni"), 9)
                .withSettings(MixingSettings.defaults().withSweeps(20, 60, 20, 100))
                .withTemperatures(new double[] {500, 900});
    }

    static List<String> sortedRows(Path csv) throws Exception {
        return MixingDataset.read(csv).stream().sorted(Comparator.comparingInt(MixingSample::index))
                .map(s -> MixingDataset.format(s).replaceAll(",[^,]*,[^,]*,[^,]*$", "")) // drop cpu_s, seed, screen
                .collect(Collectors.toList());
    }

    @Test
    void rowsAreIndependentOfThreadsAndResumeSkipsWhatIsThere(@TempDir Path dir) throws Exception {
        DatasetDesign d = tiny();
        Path one = dir.resolve("one.csv");
        Path two = dir.resolve("two.csv");
        DatasetGenerator.Summary s1 = DatasetGenerator.generate(d, 6, 1, one, new DatasetGenerator.Listener() { });
        assertEquals(6, s1.simulated());
        assertTrue(s1.candidates() >= 6);
        DatasetGenerator.Summary s2 = DatasetGenerator.generate(d, 6, 2, two, new DatasetGenerator.Listener() { });
        assertEquals(6, s2.simulated());
        assertEquals(sortedRows(one), sortedRows(two), "same rows with 1 and 2 threads");

        // every sample lies in the box, the composition range and the screening window, at a design temperature
        for (MixingSample s : MixingDataset.read(one)) {
            assertTrue(d.box().contains(s.parameters()));
            assertTrue(s.requestedX() >= d.xMin() && s.requestedX() <= d.xMax());
            assertTrue(s.screening() >= d.screenLow() && s.screening() <= d.screenHigh());
            assertTrue(s.temperature() == 500 || s.temperature() == 900);
            assertEquals(Math.round(s.requestedX() * 256) / 256.0, s.result().x(), 1e-12);
            assertTrue(s.result().mixingEnthalpyError() > 0);
        }

        // simulate an interruption: drop the last two rows and leave half a line
        List<String> lines = Files.readAllLines(one, StandardCharsets.UTF_8);
        String cut = String.join("\n", lines.subList(0, lines.size() - 2)) + "\n" + lines.get(lines.size() - 2).substring(0, 17);
        Files.writeString(one, cut, StandardCharsets.UTF_8);
        assertEquals(4, MixingDataset.read(one).size(), "the partial line is ignored");
        DatasetGenerator.Summary s3 = DatasetGenerator.generate(d, 6, 1, one, new DatasetGenerator.Listener() { });
        assertEquals(4, s3.skipped());
        assertEquals(2, s3.simulated());
        assertEquals(sortedRows(two), sortedRows(one), "the resumed file equals the uninterrupted one");

        // asking for more extends the same plan
        DatasetGenerator.Summary s4 = DatasetGenerator.generate(d, 7, 1, one, new DatasetGenerator.Listener() { });
        assertEquals(6, s4.skipped());
        assertEquals(7, MixingDataset.read(one).size());
        assertEquals(d.binary(), DatasetGenerator.readDesign(one).binary());
    }

    @Test
    void refusesToAppendWithAnotherDesign(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        DatasetGenerator.generate(tiny(), 1, 1, csv, new DatasetGenerator.Listener() { });
        DatasetDesign other = tiny().withScreening(-100, 100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetGenerator.generate(other, 2, 1, csv, new DatasetGenerator.Listener() { }));
        assertTrue(e.getMessage().contains("another design"), e.getMessage());
    }

    @Test
    void bracketedBoxWidensThePureIntervalsByTheMargin() {
        ParameterBox b = ParameterBox.bracketed(SmaBinary.named("Ni-Pt"), 0.15);
        // Ni 11.34 / 2.27 / 0.0958 / 1.5624 and Pt 10.71 / 3.845 / 0.27442825 / 2.62094617
        assertEquals(10.71 * 0.85, b.lower()[0], 1e-12);
        assertEquals(11.34 * 1.15, b.upper()[0], 1e-12);
        assertEquals(2.27 * 0.85, b.lower()[1], 1e-12);
        assertEquals(2.62094617 * 1.15, b.upper()[3], 1e-12);
        assertTrue(b.contains(SmaBinary.named("Ni-Pt").arithmeticMean()));
        // the published Cu-Ni cross set (Zhang 2015) lies inside the Cu-Ni box
        assertTrue(ParameterBox.bracketed(SmaBinary.named("Cu-Ni"), 0.15).contains(new HeteronuclearParameters(11.1765, 2.2675, 0.1046, 1.44534)));
    }
}
