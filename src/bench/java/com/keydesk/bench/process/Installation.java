package com.keydesk.bench.process;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The app image as the .deb installs it: a copy (target/bench/installed) with the class-data
 * archive that the package's postinst makes, by the same script (packaging/linux/class-data.sh,
 * which the image build copied to lib/). The benchmarks measure this copy, as a person runs it.
 */
final class Installation {
    private Installation() {
    }

    static AppImage of(AppImage image, Path bench) throws IOException, InterruptedException {
        Path root = bench.resolve("installed").resolve(image.root().getFileName()).toAbsolutePath();
        Processes.run(new ProcessBuilder("rm", "-rf", root.toString()), null);
        Processes.run(new ProcessBuilder("mkdir", "-p", root.getParent().toString()), null);
        Processes.run(new ProcessBuilder("cp", "-a", image.root().toString(), root.toString()), null);
        Processes.run(new ProcessBuilder("sh", root.resolve("lib/class-data.sh").toString(), "dump", root.toString()), null);
        return AppImage.at(root);
    }
}
