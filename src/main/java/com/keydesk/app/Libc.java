package com.keydesk.app;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * A function of the C library the JVM runs on, bound through the FFM API, for the few process
 * settings a launcher cannot make (malloc's, the environment GTK reads). Empty off Linux and where
 * the library has no such function: each caller is an optimisation and KeyDesk runs the same without it.
 */
final class Libc {
    private Libc() {
    }

    static Optional<MethodHandle> function(String name, FunctionDescriptor descriptor) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find(name).map(address -> linker.downcallHandle(address, descriptor));
    }
}
