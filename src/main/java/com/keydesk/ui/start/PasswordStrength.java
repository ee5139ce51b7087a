package com.keydesk.ui.start;

import com.keydesk.ui.Messages;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.scoring.Result;

import java.util.List;
import java.util.Locale;

/**
 * How easy a new password is to guess, as a hint while it is typed. Only a hint: the service
 * decides what it accepts, and its minimum length comes first here so the hint never praises what
 * it refuses. Past the minimum, nbvcxz (a port of Dropbox's zxcvbn) estimates the guesses an
 * attacker needs from dictionaries of common passwords, words and names, keyboard patterns,
 * sequences, repeats, years and dates: "password1234" is long enough and still weak.
 *
 * <p>The estimate is slow (its dictionaries load in seconds the first time; each estimate takes
 * tens to hundreds of milliseconds here): call {@link #estimate} off the JavaFX thread
 * ({@link PasswordStrengthHint} does).
 */
public final class PasswordStrength {
    static final int SERVICE_MINIMUM = 12;
    /**
     * Only this much of a password is estimated: the estimate's time grows quickly with length (64
     * characters took about a second here) and a password this long that is still guessable is
     * guessable in its first 64 characters too.
     */
    static final int ESTIMATED_LENGTH = 64;

    public enum Rating { EMPTY, SHORT, WEAK, ACCEPTABLE, STRONG }

    /** A rating and the sentence shown for it. */
    public record Estimate(Rating rating, String hint) {
        @Override
        public String toString() {
            return "Estimate[" + rating + "]";   // the hint may quote the password's pattern
        }
    }

    private PasswordStrength() {
    }

    /** The answer that needs no estimate (empty, or shorter than the service accepts), else null. */
    public static Estimate quick(String password) {
        if (password == null || password.isEmpty()) {
            return new Estimate(Rating.EMPTY, Messages.format("strength.empty", SERVICE_MINIMUM));
        }
        int length = password.codePointCount(0, password.length());
        if (length < SERVICE_MINIMUM) {
            return new Estimate(Rating.SHORT, Messages.format("strength.short", SERVICE_MINIMUM - length));
        }
        return null;
    }

    /** The full answer. Slow: never on the JavaFX thread. */
    public static Estimate estimate(String password) {
        Estimate quick = quick(password);
        if (quick != null) {
            return quick;
        }
        Result result;
        Nbvcxz estimator = Estimator.INSTANCE;
        synchronized (estimator) {
            result = estimator.estimate(password.substring(0, password.offsetByCodePoints(0,
                    Math.min(ESTIMATED_LENGTH, password.codePointCount(0, password.length())))));
        }
        // zxcvbn's scores: 0-2 fall to an online or a slow offline attack (under about 10^8
        // guesses); 3 needs about 10^10, 4 more
        return switch (result.getBasicScore()) {
            case 0, 1, 2 -> new Estimate(Rating.WEAK, Messages.format("strength.weak", advice(result)));
            case 3 -> new Estimate(Rating.ACCEPTABLE, Messages.get("strength.fair"));
            default -> new Estimate(Rating.STRONG, Messages.get("strength.strong"));
        };
    }

    /** Loads the estimator's dictionaries, so the first hint comes quickly. Slow: in the background. */
    public static void warmUp() {
        Estimator.INSTANCE.hashCode();
    }

    /** The estimator's own words: what makes it guessable, and what would help. */
    private static String advice(Result result) {
        String warning = result.getFeedback().getWarning();
        List<String> suggestions = result.getFeedback().getSuggestion();
        String suggestion = suggestions == null || suggestions.isEmpty() ? null : suggestions.getFirst();
        if (warning == null && suggestion == null) {
            return Messages.get("strength.weak.guessable");
        }
        return warning == null ? suggestion : suggestion == null ? warning : warning + " " + suggestion;
    }

    /** Built once, on first use (its dictionaries take seconds to load); English, as the rest of the app. */
    private static final class Estimator {
        static final Nbvcxz INSTANCE = new Nbvcxz(new ConfigurationBuilder().setLocale(Locale.ENGLISH)
                .createConfiguration());
    }
}
