package com.keydesk.service;

import com.keydesk.domain.Allowed;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.ValidationException;

/**
 * Turns a rule into an answer: the rule is the very code the enforcing method runs, so asking
 * and doing can never disagree. A refusal keeps the sentence the action would have got. Asking
 * is not attempting: nothing is audited. A failing store is no answer and is thrown on.
 */
final class Answer {
    private Answer() {
    }

    static Allowed of(Runnable rule) {
        try {
            rule.run();
            return Allowed.YES;
        } catch (Denied | ConflictException | NotFoundException | ValidationException refused) {
            return Allowed.no(refused.getMessage());
        }
    }
}
