package com.keydesk.ui;

import com.keydesk.service.Services;
import com.keydesk.service.Session;

import java.time.Clock;

/**
 * What every ViewModel of a signed-in window shares: the services, who is signed in, how slow
 * work runs, the standard dialogs, the clipboard for secrets and the clock. One small record
 * instead of six constructor arguments on every ViewModel.
 */
public record SignedIn(Services services, Session session, TaskRunner tasks, DialogService dialogs,
                       SecretClipboard clipboard, Clock clock) {
}
