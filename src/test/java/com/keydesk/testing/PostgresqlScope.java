package com.keydesk.testing;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * On the PostgreSQL run, keeps only store and service test classes. The pom's includes do that for
 * a whole build, but surefire ignores includes when {@code -Dtest=...} names classes, and a command
 * line test (say) must not run with its stores on PostgreSQL under a folder-minded harness.
 * Registered with the JUnit launcher through META-INF/services; does nothing on H2.
 */
public final class PostgresqlScope implements PostDiscoveryFilter {
    private static final String[] PACKAGES = {"com.keydesk.service.", "com.keydesk.store."};

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!TestEngine.postgresql()) {
            return FilterResult.included("H2 run");
        }
        // the launcher asks about leaves (test methods) and prunes the classes they leave empty
        return descriptor.getSource().map(source -> switch (source) {
            case ClassSource c -> judge(c.getClassName());
            case MethodSource m -> judge(m.getClassName());
            default -> FilterResult.included("neither class nor method");
        }).orElse(FilterResult.included("no source"));
    }

    private static FilterResult judge(String className) {
        for (String p : PACKAGES) {
            if (className.startsWith(p)) {
                return FilterResult.included("a store or service test");
            }
        }
        return FilterResult.excluded("runs on H2 only: not a store or service test");
    }
}
