package org.ddos.calibration.surrogate;

/**
 * Settings that must be in place before the Deep Java Library starts its engine: offline mode
 * (DJL then never downloads; the PyTorch natives come from the Maven Central jar
 * {@code pytorch-native-cpu}), no usage tracking, and one PyTorch intra- and inter-op thread (the
 * networks are tiny; more threads on a busy 2-core machine made training 8x slower, see
 * DEPENDENCIES.md); SLF4J's "no provider" notice is silenced. Values already set (by -D or the environment) are kept. DJL unpacks its
 * natives into {@code DJL_CACHE_DIR} (default {@code ~/.djl.ai}), which must be writable.
 */
public final class DjlRuntime {
    private DjlRuntime() {
    }

    /** Sets the offline, tracking and thread properties unless given already. Idempotent. */
    public static synchronized void configureOffline() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        // DJL logs through SLF4J; without a provider SLF4J prints a three-line warning on stderr
        setIfAbsent("slf4j.internal.verbosity", "ERROR");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
