package com.keydesk.ui;

import com.keydesk.service.Session;
import com.keydesk.testing.TestStore;

import java.nio.file.Path;

/** A real test store plus the fakes a ViewModel needs, for plain JUnit tests without a toolkit. */
public final class UiFixture implements AutoCloseable {
    public final TestStore store;
    public final TaskRunner tasks = new SameThreadTaskRunner();
    public final FakeDialogs dialogs = new FakeDialogs();
    public final FakeClipboard clipboard = new FakeClipboard();
    public final FakeKeyDialogs keyDialogs = new FakeKeyDialogs();
    public final RecordingConfirmations confirmations = new RecordingConfirmations();

    public UiFixture(Path dir) {
        this.store = TestStore.in(dir);
    }

    public SignedIn as(Session session) {
        return new SignedIn(store.services, session, tasks, dialogs, clipboard, store.clock, confirmations);
    }

    public SignedIn admin() {
        return as(store.admin);
    }

    @Override
    public void close() {
        store.close();
    }
}
