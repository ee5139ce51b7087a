package com.keydesk.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A test class's PostgreSQL databases live as long as the class: when it finishes, the databases
 * made while it ran are dropped. Without this a run would keep hundreds of 7 MB databases in the
 * temporary folder until the JVM exits. No store outlives its class (none is kept in a static
 * field across classes). Registered with the JUnit launcher through META-INF/services.
 */
public final class PgTestScope implements TestExecutionListener {
    private final Deque<Integer> marks = new ArrayDeque<>();

    @Override
    public void executionStarted(TestIdentifier id) {
        if (isClass(id)) {
            marks.push(PgCluster.databasesMade());
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (isClass(id) && !marks.isEmpty()) {
            PgCluster.dropDatabasesAfter(marks.pop());
        }
    }

    private static boolean isClass(TestIdentifier id) {
        return id.isContainer() && id.getSource().filter(ClassSource.class::isInstance).isPresent();
    }
}
