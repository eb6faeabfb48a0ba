package io.chatforge.im.contracts.frame;

import java.nio.charset.StandardCharsets;

/**
 * Whether a string is one emoji as users pick it from a keyboard: a pictograph (with its
 * variation selector, skin tone and tag sequence), several joined by zero-width joiners (a
 * family), a flag (two regional indicators) or a keycap, in at most {@value #MAX_BYTES} bytes of
 * UTF-8. Text, several emojis or stray modifiers are not.
 */
public final class Emojis {
    public static final int MAX_BYTES = 32;

    private static final int ZWJ = 0x200D;
    private static final int VS16 = 0xFE0F;
    private static final int KEYCAP = 0x20E3;

    private Emojis() {}

    public static boolean isSingle(String s) {
        if (s == null || s.isEmpty() || s.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        int[] cps = s.codePoints().toArray();
        if (cps.length == 2 && isRegionalIndicator(cps[0]) && isRegionalIndicator(cps[1])) {
            return true;
        }
        if (isKeycapBase(cps[0])) {
            int i = 1;
            if (i < cps.length && cps[i] == VS16) {
                i++;
            }
            return i == cps.length - 1 && cps[i] == KEYCAP;
        }
        int i = 0;
        while (true) {
            i = element(cps, i);
            if (i < 0) {
                return false;
            }
            if (i == cps.length) {
                return true;
            }
            if (cps[i] != ZWJ || i + 1 == cps.length) {
                return false;
            }
            i++;
        }
    }

    /** One pictograph with its modifiers from {@code i}: the index after it, or -1. */
    private static int element(int[] cps, int i) {
        if (!isPictograph(cps[i])) {
            return -1;
        }
        i++;
        if (i < cps.length && cps[i] == VS16) {
            i++;
        }
        if (i < cps.length && isSkinTone(cps[i])) {
            i++;
        }
        if (i < cps.length && isTag(cps[i])) {
            while (i < cps.length && isTag(cps[i])) {
                i++;
            }
            if (cps[i - 1] != 0xE007F) {
                return -1; // a tag sequence ends with CANCEL TAG
            }
        }
        return i;
    }

    private static boolean isPictograph(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF && !isSkinTone(cp) && !isRegionalIndicator(cp))
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2300 && cp <= 0x23FF)
                || (cp >= 0x2B00 && cp <= 0x2BFF)
                || (cp >= 0x2190 && cp <= 0x21FF)
                || (cp >= 0x25A0 && cp <= 0x25FF)
                || cp == 0x00A9
                || cp == 0x00AE
                || cp == 0x203C
                || cp == 0x2049
                || cp == 0x2122
                || cp == 0x2139
                || cp == 0x3030
                || cp == 0x303D
                || cp == 0x3297
                || cp == 0x3299;
    }

    private static boolean isSkinTone(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isTag(int cp) {
        return cp >= 0xE0020 && cp <= 0xE007F;
    }

    private static boolean isKeycapBase(int cp) {
        return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*';
    }
}
