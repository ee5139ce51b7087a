package com.keydesk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class HandOffTest {
    @Test
    void theConsumerGetsEveryItemInOrderOnAnotherThread() {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());

        try (HandOff<Integer> handOff = HandOff.to(item -> {
            seen.add(item);
            threads.add(Thread.currentThread().getName());
        })) {
            IntStream.range(0, 10_001).forEach(handOff::accept);   // not a whole number of batches
            handOff.finish();
            // finish returns only once everything is consumed
            assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 10_001).boxed().toList());
        }
        assertThat(threads).doesNotContain(Thread.currentThread().getName()).containsOnly("keydesk-output");
    }

    @Test
    void finishingWithNothingHandedOverIsFine() {
        List<Integer> seen = new ArrayList<>();
        try (HandOff<Integer> handOff = HandOff.to(seen::add)) {
            handOff.finish();
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void aFailingConsumerStopsTheProducerWithItsOwnException() {
        IllegalStateException broken = new IllegalStateException("disk full");
        AtomicInteger handed = new AtomicInteger();

        assertThatThrownBy(() -> {
            try (HandOff<Integer> handOff = HandOff.to(item -> {
                if (item == 1_000) {
                    throw broken;
                }
            })) {
                for (int i = 0; i < 1_000_000; i++) {
                    handOff.accept(i);
                    handed.incrementAndGet();
                }
                handOff.finish();
            }
        }).isSameAs(broken);
        assertThat(handed.get()).as("the producer stopped soon after the failure").isLessThan(100_000);
    }

    @Test
    void closingWithoutFinishingEndsTheThreadAndHandsNothingMore() {
        AtomicInteger consumed = new AtomicInteger();
        Thread[] consumerThread = new Thread[1];
        try (HandOff<Integer> handOff = HandOff.to(item -> {
            consumerThread[0] = Thread.currentThread();
            consumed.incrementAndGet();
        })) {
            IntStream.range(0, 5_000).forEach(handOff::accept);
            // the producer fails here: no finish
        }
        assertThat(consumerThread[0].isAlive()).isFalse();
        assertThat(consumed.get()).as("the last, unfilled batch is never handed over").isLessThan(5_000);
    }
}
