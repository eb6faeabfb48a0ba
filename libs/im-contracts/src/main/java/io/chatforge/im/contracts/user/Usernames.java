package io.chatforge.im.contracts.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one form of a username used for storage, lookup and every throttle key: Unicode NFKC
 * (so full-width and other compatibility forms fold to ASCII), surrounding whitespace removed,
 * lower-cased. A valid username is 3 to 32 of {@code a-z 0-9 _ . -} in that form, so two
 * spellings that reach the same account always share one key, whatever the database collation.
 */
public final class Usernames {
    public static final int MIN = 3;
    public static final int MAX = 32;
    /** Longer raw input is refused before normalising it. */
    public static final int MAX_RAW = 64;

    private static final Pattern VALID = Pattern.compile("[a-z0-9_.-]{" + MIN + "," + MAX + "}");

    private Usernames() {}

    /** The canonical form of any input; null stays null. */
    public static String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        String input = raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw;
        return Normalizer.normalize(input, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** True for a canonical username that registration accepts. */
    public static boolean isValid(String canonical) {
        return canonical != null && VALID.matcher(canonical).matches();
    }
}
