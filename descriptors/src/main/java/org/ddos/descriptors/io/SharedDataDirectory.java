package org.ddos.descriptors.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the project's shared public data ({@code shared/data}: the DescriptorDOS Fe and W
 * campaigns, TB-SMA parameter sets) without copying it into the repository.
 *
 * <p>Looks, in order, at the environment variable {@code DDOS_SHARED_DATA} (the {@code shared}
 * folder itself), then at {@code ../shared} and {@code ../../shared} relative to the working
 * directory (a Maven module runs its tests from the module folder).
 */
public final class SharedDataDirectory {
    /** Name of the environment variable that points at the {@code shared} folder. */
    public static final String ENVIRONMENT_VARIABLE = "DDOS_SHARED_DATA";

    private SharedDataDirectory() {
    }

    /** @return the {@code shared} folder (holding {@code data/}), or empty when none is found. */
    public static Optional<Path> locate() {
        String env = System.getenv(ENVIRONMENT_VARIABLE);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (Files.isDirectory(p.resolve("data"))) {
                return Optional.of(p.toAbsolutePath().normalize());
            }
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path candidate : new Path[] {cwd.resolve("../shared"), cwd.resolve("../../shared")}) {
            if (Files.isDirectory(candidate.resolve("data"))) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    /**
     * @param relative a path below {@code shared/data}, e.g. {@code descriptordos/fe/X_Fe.snapcoeff}
     * @return the file, or empty when the shared folder or the file is absent
     */
    public static Optional<Path> dataFile(String relative) {
        return locate().map(p -> p.resolve("data").resolve(relative)).filter(Files::exists);
    }
}
