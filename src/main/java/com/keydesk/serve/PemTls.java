package com.keydesk.serve;

import com.keydesk.domain.ValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * A certificate chain and its private key from PEM files, as most tools write them, made into an
 * in-memory key store for Jetty. The key must be unencrypted PKCS#8 ("BEGIN PRIVATE KEY"): RSA, EC
 * or Ed25519. Nothing is written to disk.
 */
final class PemTls {
    static final char[] IN_MEMORY_PASSWORD = "keydesk-in-memory".toCharArray();

    private PemTls() {
    }

    static KeyStore keyStore(Path certFile, Path keyFile) {
        Certificate[] chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        if (!belongTogether(key, chain[0])) {
            // a key store takes any key beside any certificate: the server would start and fail every handshake
            throw new ValidationException("tls-key", "The private key in " + keyFile + " does not go with the certificate in "
                    + certFile + " (the first certificate there must be the server's own).");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("keydesk", key, IN_MEMORY_PASSWORD, chain);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new ValidationException("tls-key", "The private key in " + keyFile + " does not go with the certificate in "
                    + certFile + ".");
        }
    }

    /** Whether the key signs what the certificate's public key verifies: the one test that fits every kind of key. */
    private static boolean belongTogether(PrivateKey key, Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();   // EdDSA and Ed25519 sign without a separate digest
        };
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;   // a certificate for another kind of key than this one
        }
    }

    private static Certificate[] certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new ValidationException("tls-cert", "There is no certificate in " + file + ".");
            }
            return certs.toArray(new Certificate[0]);
        } catch (IOException e) {
            throw new ValidationException("tls-cert", "Could not read the certificate file " + file + ".");
        } catch (GeneralSecurityException e) {
            throw new ValidationException("tls-cert", "The file " + file + " does not hold a PEM certificate.");
        }
    }

    private static PrivateKey privateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ValidationException("tls-key", "Could not read the private key file " + file + ".");
        }
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new ValidationException("tls-key", "The file " + file + " holds no unencrypted PKCS#8 private key"
                    + " (BEGIN PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("tls-key", "The private key in " + file + " is not valid base64.");
        }
        for (String algorithm : new String[]{"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next kind
            }
        }
        throw new ValidationException("tls-key", "The private key in " + file + " is not an RSA, EC or Ed25519 key.");
    }
}
