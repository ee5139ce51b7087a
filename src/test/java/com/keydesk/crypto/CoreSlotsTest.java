package com.keydesk.crypto;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CoreSlotsTest {

    @Test
    void noMoreWorkAtOnceThanSlotsAndEveryPieceRuns() throws Exception {
        CoreSlots two = new CoreSlots("test", 2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch allStarted = new CountDownLatch(20);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                threads.submit(() -> {
                    allStarted.countDown();
                    return two.run(() -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        try {
                            // hold the slot until every caller is waiting, so that a missing bound shows
                            allStarted.await(5, TimeUnit.SECONDS);
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inside.decrementAndGet();
                        return done.incrementAndGet();
                    });
                });
            }
        }
        assertThat(done).hasValue(20);
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void aSlotIsGivenBackWhenTheWorkFails() {
        CoreSlots one = new CoreSlots("test", 1);
        for (int i = 0; i < 3; i++) {
            try {
                one.run(() -> {
                    throw new IllegalStateException("failed");
                });
            } catch (IllegalStateException expected) {
                // the next run must still find the slot free
            }
        }
        assertThat(one.run(() -> "ran")).isEqualTo("ran");
    }

    @Test
    void theWorkRunsOnThePoolsPlatformThreadsNotOnTheCallersVirtualOne() throws Exception {
        // a native hash on a virtual thread would pin its carrier and stall every other request
        CoreSlots slots = new CoreSlots("argon2-test", 2);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread ranOn = threads.submit(() -> slots.run(Thread::currentThread)).get();
            assertThat(ranOn.isVirtual()).isFalse();
            assertThat(ranOn.getName()).startsWith("argon2-test-");
            assertThat(ranOn.isDaemon()).isTrue();
        }
    }

    @Test
    void whatTheWorkThrowsIsThrownToTheCaller() {
        CoreSlots one = new CoreSlots("test", 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> one.run(() -> {
            throw new IllegalArgumentException("bad hash");
        })).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("bad hash");
    }
}
