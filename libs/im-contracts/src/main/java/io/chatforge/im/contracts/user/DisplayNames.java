package io.chatforge.im.contracts.user;

/**
 * Names people show to each other (nicknames, group names): trimmed, a length in code points, and
 * none of the characters used to disguise a name: control characters (NUL included), format
 * characters such as bidi overrides (U+202E) and zero-width spaces, surrogates, line separators.
 * A zero-width joiner is allowed only between two emoji, where it builds one (👩‍💻).
 */
public final class DisplayNames {

    private DisplayNames() {}

    /** True when the trimmed name has 1 to {@code max} code points and no disguising character. */
    public static boolean isValid(String name, int max) {
        if (name == null) {
            return false;
        }
        int[] points = name.strip().codePoints().toArray();
        if (points.length < 1 || points.length > max) {
            return false;
        }
        for (int i = 0; i < points.length; i++) {
            if (disguises(points, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean disguises(int[] points, int i) {
        int c = points[i];
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.SURROGATE,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.UNASSIGNED -> true;
            case Character.FORMAT ->
                !(c == 0x200D
                        && i > 0
                        && i < points.length - 1
                        && isEmojiPart(points[i - 1])
                        && isEmojiPart(points[i + 1]));
            default -> false;
        };
    }

    /** Emoji code points and the variation selector that ends many of them. */
    private static boolean isEmojiPart(int c) {
        return c == 0xFE0F || c >= 0x1F000 && c <= 0x1FAFF || c >= 0x2600 && c <= 0x27BF;
    }
}
