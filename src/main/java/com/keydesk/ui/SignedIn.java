package com.keydesk.ui;

import com.keydesk.service.Services;
import com.keydesk.service.Session;

import java.time.Clock;

/**
 * What every ViewModel of a signed-in window shares: the services, who is signed in, how slow
 * work runs, the standard dialogs, the clipboard for secrets, the clock and the short confirmations after an action. One small record
 * instead of six constructor arguments on every ViewModel.
 */
public record SignedIn(Services services, Session session, TaskRunner tasks, DialogService dialogs,
                       SecretClipboard clipboard, Clock clock, Confirmations confirmations) {

    /** Without confirmations: wiring that shows none (they are a courtesy, never a question). */
    public SignedIn(Services services, Session session, TaskRunner tasks, DialogService dialogs,
                    SecretClipboard clipboard, Clock clock) {
        this(services, session, tasks, dialogs, clipboard, clock, Confirmations.NONE);
    }
}
