package com.keydesk.crypto;

import de.mkammerer.argon2.Argon2Factory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Argon2idHasherTest {
    private static final Argon2Params CHEAP = new Argon2Params(256, 1, 1);
    private final Argon2idHasher hasher = new Argon2idHasher(CHEAP);

    @Test
    void hashIsArgon2idAndCarriesItsParameters() {
        String hash = hasher.hash("s3cret".toCharArray());

        assertThat(hash).startsWith("$argon2id$");
        assertThat(hash).contains("m=256,t=1,p=1");
    }

    @Test
    void hashNeverContainsTheSecret() {
        String hash = hasher.hash("averyrecognisablesecret".toCharArray());

        assertThat(hash).doesNotContain("averyrecognisablesecret");
    }

    @Test
    void sameSecretHashesDifferentlyEachTime() {
        assertThat(hasher.hash("same".toCharArray())).isNotEqualTo(hasher.hash("same".toCharArray()));
    }

    @Test
    void verifiesTheRightSecret() {
        String hash = hasher.hash("right secret".toCharArray());

        assertThat(hasher.verify(hash, "right secret".toCharArray())).isTrue();
    }

    @Test
    void rejectsAWrongSecret() {
        String hash = hasher.hash("right secret".toCharArray());

        assertThat(hasher.verify(hash, "right secreT".toCharArray())).isFalse();
        assertThat(hasher.verify(hash, "".toCharArray())).isFalse();
    }

    @Test
    void rejectsAMissingHash() {
        assertThat(hasher.verify(null, "anything".toCharArray())).isFalse();
    }

    @Test
    void hashMadeWithOtherParametersStillVerifies() {
        String stronger = new Argon2idHasher(new Argon2Params(1024, 3, 2)).hash("old key".toCharArray());

        assertThat(stronger).contains("m=1024,t=3,p=2");
        assertThat(hasher.verify(stronger, "old key".toCharArray())).isTrue();
        assertThat(hasher.verify(stronger, "other key".toCharArray())).isFalse();
    }

    @Test
    void refusesAnArgon2iHashTheLibraryWouldMakeByDefault() {
        String argon2i = Argon2Factory.create().hash(1, 256, 1, "secret".toCharArray());

        assertThat(argon2i).startsWith("$argon2i$");
        assertThat(hasher.verify(argon2i, "secret".toCharArray())).isFalse();
    }

    @Test
    void wipesTheCharactersItWasGiven() {
        char[] secret = "wipe me".toCharArray();
        String hash = hasher.hash(secret);
        assertThat(secret).containsOnly('\0');

        char[] again = "wipe me".toCharArray();
        assertThat(hasher.verify(hash, again)).isTrue();
        assertThat(again).containsOnly('\0');
    }

    @Test
    void shippedParametersMeetOwaspMinimum() {
        assertThat(Argon2Params.SHIPPED.memoryKiB()).isGreaterThanOrEqualTo(19_456);
        assertThat(Argon2Params.SHIPPED.iterations()).isGreaterThanOrEqualTo(2);
        assertThat(Argon2Params.SHIPPED.parallelism()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shippedParametersAreWhatAShippedHashCarries() {
        Argon2Params shipped = Argon2Params.SHIPPED;
        String hash = new Argon2idHasher(shipped).hash("x".toCharArray());

        assertThat(hash).startsWith("$argon2id$").contains("m=" + shipped.memoryKiB() + ",t=" + shipped.iterations()
                + ",p=" + shipped.parallelism());
    }

    @Test
    void parametersOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new Argon2Params(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(256, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(256, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
    @Test
    void aStoredHashAskingForMoreThanTheCeilingsIsNeverRun() {
        // A real hash's salt and digest under headers a row changed outside KeyDesk could carry:
        // run, the first would allocate 4 GiB and the second take minutes.
        String real = hasher.hash("secret".toCharArray());
        String tail = real.substring(real.indexOf("$", "$argon2id$v=19$".length()));
        long before = hasher.runs();

        assertThat(hasher.verify("$argon2id$v=19$m=4194304,t=1,p=1" + tail, "secret".toCharArray())).isFalse();
        assertThat(hasher.verify("$argon2id$v=19$m=256,t=5000,p=1" + tail, "secret".toCharArray())).isFalse();
        assertThat(hasher.verify("$argon2id$v=19$m=256,t=1,p=255" + tail, "secret".toCharArray())).isFalse();
        assertThat(hasher.verify("$argon2id$v=19$m=256,t=0,p=1" + tail, "secret".toCharArray())).isFalse();
        assertThat(hasher.runs()).as("refused before Argon2id ran").isEqualTo(before);
    }

    @Test
    void ceilingsLeaveRoomForTheShippedParametersAndStrongerOnes() {
        assertThat(Argon2idHasher.withinCeilings("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")).isTrue();
        assertThat(Argon2idHasher.withinCeilings("$argon2id$v=19$m=262144,t=16,p=8$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")).isTrue();
        assertThat(Argon2idHasher.withinCeilings("$argon2id$v=19$m=262145,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")).isFalse();
        assertThat(Argon2idHasher.withinCeilings("$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")).isFalse();
        assertThat(Argon2idHasher.withinCeilings("not a hash")).isFalse();
    }
}
