package org.ddos.testing;

import java.nio.file.Path;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.junit.jupiter.api.Assumptions;

/** Test access to the public data in {@code ../shared/data} (or {@code $DDOS_SHARED_DATA/data}). */
public final class SharedData {
    private SharedData() {
    }

    /**
     * @param relative a path under {@code data/}, e.g. {@code descriptordos/w/W-bcc.dat}
     * @return the file
     * @throws org.opentest4j.TestAbortedException (the test is skipped, with the reason printed by
     *     {@link SkippedTestsReport}) when the shared data or the file is absent
     */
    public static Path require(String relative) {
        Optional<Path> p = SharedDataDirectory.dataFile(relative);
        Assumptions.assumeTrue(p.isPresent(),
                "shared data file " + relative + " not found (set DDOS_SHARED_DATA or place ../shared)");
        return p.get();
    }
}
