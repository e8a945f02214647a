package org.ddos.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.io.StructureFormats;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ddos sample} killed with SIGKILL (kill -9) in a separate JVM while it runs, then re-run
 * with the same command: the resumed archive must be byte-identical to the archive of an
 * uninterrupted run. Second-moment Pt (LoDiS {@code Pt_Pt.pot}), fcc 2x2x2 (32 atoms), checkpoints
 * every 0.05 s; the child is killed as soon as its first checkpoint exists.
 */
class SampleKillResumeTest {
    @TempDir
    Path dir;

    @Test
    void resumesAfterKillMinus9ToTheUninterruptedArchive() throws Exception {
        Optional<Path> pot = SharedDataDirectory.dataFile("tbsma/lodis/Pt_Pt.pot");
        Assumptions.assumeTrue(pot.isPresent(), "shared data not found (set DDOS_SHARED_DATA): skipping the kill -9 resume test");
        StructureFormats.write(dir.resolve("Pt-fcc-2.dat"), Lattices.fcc("Pt", 2 * 1.385 * Math.sqrt(2), 2, 2, 2), "lammps-data");
        Path config = dir.resolve("pt.yaml");
        Files.writeString(config, String.join("\n",
                "name: fcc", "structure: Pt-fcc-2.dat", "sma: " + pot.get(), "isosurfaces: {min: 0.1, max: 1.2, count: 4}",
                "samples: 1500", "pilot_samples: 100", "bins: 30", "seed: 5", "checkpoint_seconds: 0.05", ""));

        // uninterrupted reference, in process
        Path whole = dir.resolve("whole.ddos");
        CliTest.Run ref = CliTest.run("sample", "--config", config.toString(), "--out", whole.toString(), "--threads", "2");
        assertEquals(0, ref.exit(), ref.err());

        // the same command in a child JVM, killed with SIGKILL once a checkpoint exists
        Path killed = dir.resolve("killed.ddos");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Djava.awt.headless=true");
        cmd.add(DdosCommand.class.getName());
        cmd.addAll(List.of("sample", "--config", config.toString(), "--out", killed.toString(), "--threads", "2"));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(killed) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(child.isAlive(), "the child finished before it could be killed: make the campaign longer\n"
                + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no final write
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "exit status of a process killed by SIGKILL");

        PhaseArchive partial = PhaseArchives.read(killed);
        assertFalse(partial.complete(), "the checkpoint left by the killed run must be marked incomplete");

        // the same command again resumes from the checkpoint
        CliTest.Run resumed = CliTest.run("sample", "--config", config.toString(), "--out", killed.toString(), "--threads", "1");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(PhaseArchives.read(killed).complete());
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(killed),
                "the archive resumed after kill -9 differs from the uninterrupted one");
    }
}
