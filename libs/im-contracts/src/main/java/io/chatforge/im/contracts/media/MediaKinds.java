package io.chatforge.im.contracts.media;

import java.util.Set;

/** The body kinds of a media message; each names one kind of upload. */
public final class MediaKinds {
    public static final String IMAGE = "image";
    public static final String FILE = "file";
    public static final String AUDIO = "audio";
    public static final String VIDEO = "video";

    public static final Set<String> ALL = Set.of(IMAGE, FILE, AUDIO, VIDEO);

    /** The most a caption may hold, in code points. */
    public static final int MAX_CAPTION = 1000;

    private MediaKinds() {}

    public static boolean isMedia(String kind) {
        return kind != null && ALL.contains(kind);
    }
}
