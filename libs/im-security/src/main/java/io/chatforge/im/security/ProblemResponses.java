package io.chatforge.im.security;

/** Minimal RFC 9457 bodies for errors raised before any controller runs (filters, security). */
public final class ProblemResponses {
    public static final String CONTENT_TYPE = "application/problem+json";

    private ProblemResponses() {}

    public static String body(int status, String title, String code, String detail, String instance) {
        return "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status + ",\"code\":"
                + quote(code) + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(instance) + "}";
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
