package org.ddos.testing;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints one line per skipped or aborted test with its reason (e.g. "shared data not found"), so
 * that a run without {@code ../shared} says on the console which tests it skipped and why;
 * surefire alone only counts them. Registered for every module's tests through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener} (root pom,
 * build-helper adds {@code test-support/} to each module's test sources).
 */
public final class SkippedTestsReport implements TestExecutionListener {
    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            Optional<Throwable> t = result.getThrowable();
            print(test, t.map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private static void print(TestIdentifier test, String reason) {
        String where = test.getSource().map(Object::toString).orElse(test.getUniqueId());
        String name = test.getDisplayName();
        int cls = where.indexOf("className = '");
        if (cls >= 0) {
            int end = where.indexOf('\'', cls + 13);
            name = where.substring(cls + 13, end).replaceFirst(".*\\.", "") + "." + name;
        }
        System.out.println("[SKIPPED] " + name + ": " + reason);
        System.out.flush();
    }
}
