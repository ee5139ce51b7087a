package com.keydesk.testing;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a missing PostgreSQL impossible to overlook: the first skipped test prints a banner on
 * stderr, and the end of the test run prints it again with the number of tests skipped, below
 * everything else. Registered with the JUnit launcher through META-INF/services.
 */
public final class PgSkipReport implements TestExecutionListener {
    private static final AtomicInteger SKIPPED = new AtomicInteger();

    static void skipped() {
        if (SKIPPED.getAndIncrement() == 0) {
            System.err.println(banner());
        }
    }

    private static String banner() {
        return PgCluster.underCi() ? PgCluster.FAILED_UNDER_CI : PgCluster.SKIPPED;
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        int count = SKIPPED.getAndSet(0);
        if (count > 0) {
            String line = "*".repeat(banner().length());
            System.err.println(line);
            System.err.println(banner());
            System.err.println("*** " + count + " test(s) needed PostgreSQL; install Debian's postgresql package"
                    + " (or set KEYDESK_PG_BIN) to run them ***");
            System.err.println(line);
        }
    }
}
