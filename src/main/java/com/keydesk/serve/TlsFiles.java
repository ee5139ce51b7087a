package com.keydesk.serve;

import java.nio.file.Path;
import java.security.KeyStore;

/** The command line's door to {@link PemTls}. */
public final class TlsFiles {
    private TlsFiles() {
    }

    public static KeyStore keyStore(Path certificate, Path privateKey) {
        return PemTls.keyStore(certificate, privateKey);
    }
}
