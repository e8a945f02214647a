package org.ddos.descriptors.snap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;

/** Shared-data access for the SNAP tests. */
final class SnapTestData {
    private SnapTestData() {
    }

    static Path file(String relative) {
        Optional<Path> p = SharedDataDirectory.dataFile(relative);
        assumeTrue(p.isPresent(), "shared data file " + relative + " not found (set DDOS_SHARED_DATA): test skipped");
        return p.get();
    }
}
