package com.keydesk.ui.keys;

import com.keydesk.domain.KeySummary;
import com.keydesk.domain.PermissionSet;
import com.keydesk.ui.TaskRunner;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** A key table read a page at a time, without a store or a toolkit: reads are held until the test lets them answer. */
class PagedRowsTest {
    private static final int PAGE = 10;
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    /** Tasks held until {@link #answer()}: the test decides when (and in which order) reads come back. */
    private final Deque<Runnable> pendingTasks = new ArrayDeque<>();
    private final TaskRunner tasks = new TaskRunner() {
        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            pendingTasks.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }
    };
    /** What the list put off until after the table has drawn. */
    private final Deque<Runnable> later = new ArrayDeque<>();
    private final List<Long> offsetsRead = new ArrayList<>();
    private final PagedRows rows = new PagedRows(PAGE, 3, tasks, later::add);

    /** Keys numbered from {@code base}, one per position: the row at 37 is key base+37. */
    private PagedRows.Reader keys(int size, long base) {
        return (offset, limit) -> {
            offsetsRead.add(offset);
            List<KeyRow> page = new ArrayList<>();
            for (long i = offset; i < Math.min(size, offset + limit); i++) {
                page.add(row(base + i));
            }
            return page;
        };
    }

    private static KeyRow row(long id) {
        return KeyRow.of(new KeySummary(id, "key " + id, null, null, true, PermissionSet.FILES_ONLY, null, false,
                "kds_x", NOW, "alice", null, null), NOW);
    }

    private void answer() {
        while (!later.isEmpty() || !pendingTasks.isEmpty()) {
            while (!later.isEmpty()) {
                later.poll().run();
            }
            if (!pendingTasks.isEmpty()) {
                pendingTasks.poll().run();
            }
        }
    }

    private void show(int size, long base) throws Exception {
        PagedRows.Reader reader = keys(size, base);
        rows.show(reader, reader.read(0, PAGE), size);
        offsetsRead.clear();
    }

    @Test
    void aRowOfAPageNotReadYetIsLoadingUntilItsPageComesThenReplacedInPlace() throws Exception {
        show(1_000, 0);
        List<String> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<KeyRow>) c -> {
            while (c.next()) {
                changes.add((c.wasUpdated() ? "updated " : "other ") + c.getFrom() + "-" + c.getTo());
            }
        });
        assertThat(rows).hasSize(1_000);
        assertThat(rows.get(5).id()).isEqualTo(5);
        assertThat(PagedRows.isLoading(rows.get(537))).isTrue();
        assertThat(offsetsRead).as("nothing read while the table draws").isEmpty();
        answer();
        assertThat(offsetsRead).containsExactly(530L);
        assertThat(rows.get(537).id()).isEqualTo(537);
        assertThat(changes).containsExactly("updated 530-540");
    }

    @Test
    void scrollingFastReadsOnlyThePagesLookedAtLastNewestFirst() throws Exception {
        show(1_000, 0);
        for (int i = 100; i < 1_000; i += PAGE) {
            rows.get(i);   // a drag of the scroll bar down the whole table
        }
        answer();
        assertThat(offsetsRead).containsExactly(990L, 980L, 970L, 960L);
    }

    @Test
    void onlyAFewPagesAreHeldAndAPageDroppedIsReadAgainWhenLookedAt() throws Exception {
        show(1_000, 0);
        for (int i : new int[] {100, 200, 300, 400}) {
            rows.get(i);
            answer();
        }
        assertThat(PagedRows.isLoading(rows.get(0))).as("the first page, looked at longest ago, was dropped").isTrue();
        assertThat(PagedRows.isLoading(rows.get(100))).isTrue();
        assertThat(rows.get(400).id()).isEqualTo(400);
        offsetsRead.clear();
        answer();
        assertThat(offsetsRead).containsExactly(100L, 0L);
    }

    @Test
    void thePageOfASelectedKeyIsNotDropped() throws Exception {
        show(1_000, 0);
        rows.keep(() -> java.util.Set.of(3L));
        for (int i : new int[] {100, 200, 300, 400}) {
            rows.get(i);
            answer();
        }
        assertThat(rows.get(3).id()).isEqualTo(3);
        assertThat(rows.indexOfRead(3)).isEqualTo(3);
        assertThat(rows.indexOfRead(150)).as("never read, never looked for").isEqualTo(-1);
    }

    @Test
    void aPageAnsweredForAnOlderSearchIsDropped() throws Exception {
        show(1_000, 0);
        rows.get(500);
        later.poll().run();   // the read of the old table has started...
        show(1_000, 10_000);   // ...when the person types and another table is shown
        answer();
        assertThat(PagedRows.isLoading(rows.get(500))).as("the old table's page is not shown in the new one").isTrue();
        answer();
        assertThat(rows.get(500).id()).isEqualTo(10_500);
    }

    @Test
    void theExactCountArrivingAfterTheFirstPageGrowsTheListAtItsEnd() throws Exception {
        PagedRows.Reader reader = keys(1_000, 0);
        rows.show(reader, reader.read(0, PAGE), PAGE);
        List<String> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<KeyRow>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "added " : "other ") + c.getFrom() + "-" + c.getTo());
            }
        });
        assertThat(rows).hasSize(PAGE);
        rows.resize(1_000);
        assertThat(rows).hasSize(1_000);
        assertThat(changes).containsExactly("added 10-1000");
        assertThat(rows.get(9).id()).isEqualTo(9);
    }

    @Test
    void aNewTableIsOneChangeOfEveryRowAndACountBelowTheRowsShownRemovesTheEnd() throws Exception {
        PagedRows.Reader reader = keys(1_000, 0);
        rows.show(reader, reader.read(0, PAGE), PAGE);
        rows.resize(1_000);
        List<String> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<KeyRow>) c -> {
            while (c.next()) {
                String kind = c.wasReplaced() ? "replaced " : c.wasAdded() ? "added " : c.wasRemoved() ? "removed " : "other ";
                changes.add(kind + c.getFrom() + "-" + c.getTo() + ", " + c.getRemovedSize() + " gone"
                        + (c.getRemoved().stream().allMatch(PagedRows::isLoading) ? "" : " (rows)"));
            }
        });
        PagedRows.Reader other = keys(500, 10_000);
        rows.show(other, other.read(0, PAGE), PAGE);
        rows.resize(400);
        rows.resize(300);
        assertThat(changes).containsExactly("replaced 0-10, 1000 gone", "added 10-400, 0 gone", "removed 300-300, 100 gone");
        assertThat(rows).hasSize(300);
        assertThat(rows.get(0).id()).isEqualTo(10_000);
    }
}
