package com.keydesk.ui.robot;

import com.keydesk.service.Services;
import javafx.application.Platform;
import org.mockito.Mockito;
import org.mockito.stubbing.Answer;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wraps every service the app hands to its screens and records each call made on the JavaFX
 * thread (house rule: no JDBC or Argon2 there; slow work goes through the TaskRunner). The robot
 * suite runs its tasks on a worker thread ({@code WorkerThreadTaskRunner}), so any call recorded
 * here is one the UI made directly, and the test that drove it fails.
 */
final class FxThreadGuard {
    private final List<String> callsOnFxThread = new CopyOnWriteArrayList<>();

    /** The same services, each watched; what a call does and returns is unchanged. */
    Services guard(Services real) {
        try {
            RecordComponent[] parts = Services.class.getRecordComponents();
            Object[] watched = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                watched[i] = watch(parts[i].getType(), parts[i].getAccessor().invoke(real));
            }
            Constructor<Services> canonical = Services.class.getDeclaredConstructor(
                    Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(watched);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot wrap the services", e);
        }
    }

    private <T> T watch(Class<T> type, Object service) {
        Answer<Object> recordThenCall = invocation -> {
            if (Platform.isFxApplicationThread() && invocation.getMethod().getDeclaringClass() != Object.class) {
                callsOnFxThread.add(type.getSimpleName() + "." + invocation.getMethod().getName()
                        + " (" + calledFrom() + ")");
            }
            return invocation.callRealMethod();
        };
        return Mockito.mock(type, Mockito.withSettings().spiedInstance(service).defaultAnswer(recordThenCall)
                .stubOnly());
    }

    /** The first frame in KeyDesk's own UI code: where the offending call was made. */
    private static String calledFrom() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("com.keydesk.")
                        && !f.getClassName().startsWith("com.keydesk.service.")
                        && !f.getClassName().equals(FxThreadGuard.class.getName()))
                .findFirst().map(f -> f.getClassName() + ":" + f.getLineNumber()).orElse("?"));
    }

    List<String> callsOnFxThread() {
        return List.copyOf(callsOnFxThread);
    }
}
