package io.chatforge.im.media.upload;

import io.chatforge.im.contracts.media.MediaKinds;
import io.chatforge.im.service.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * What a new upload may declare: a known kind, a content type that kind accepts, a size within
 * the kind's limit, and a file name made safe to show and to put in a header.
 */
final class UploadRules {
    static final int MAX_FILE_NAME_BYTES = 255;
    private static final Pattern CONTENT_TYPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");

    private final MediaLimits limits;

    UploadRules(MediaLimits limits) {
        this.limits = limits;
    }

    /** The upload as it will be recorded, or the problem with it. */
    Declared check(UploadRequest request) {
        if (request == null || request.kind() == null || !MediaKinds.isMedia(request.kind())) {
            throw ApiProblem.badRequest("validation_failed", "kind must be image, file, audio or video");
        }
        if (request.size() == null || request.size() <= 0) {
            throw ApiProblem.badRequest("validation_failed", "size must be the upload's length in bytes");
        }
        String contentType = normalType(request.contentType());
        if (contentType == null) {
            throw ApiProblem.badRequest("validation_failed", "contentType must be a media type such as image/png");
        }
        if (!accepts(request.kind(), contentType)) {
            throw new ApiProblem(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported_media_type",
                            request.kind() + " uploads may not be " + contentType)
                    .with("accepted", limits.typesOf(request.kind()));
        }
        long max = limits.maxBytes(request.kind());
        if (request.size() > max) {
            throw new ApiProblem(
                            HttpStatus.PAYLOAD_TOO_LARGE,
                            "media_too_large",
                            request.kind() + " uploads may have at most " + max + " bytes")
                    .with("maxBytes", max);
        }
        Long duration = request.durationMs() == null || request.durationMs() < 0 ? null : request.durationMs();
        return new Declared(request.kind(), contentType, request.size(), fileName(request.fileName()), duration);
    }

    boolean accepts(String kind, String contentType) {
        for (String allowed : limits.typesOf(kind)) {
            if (allowed.equals(contentType)
                    || (allowed.endsWith("/*") && contentType.startsWith(allowed.substring(0, allowed.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The media type without parameters, lower case; null when it is not one. */
    static String normalType(String declared) {
        if (declared == null) {
            return null;
        }
        int semicolon = declared.indexOf(';');
        String type = (semicolon < 0 ? declared : declared.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
        return CONTENT_TYPE.matcher(type).matches() ? type : null;
    }

    /**
     * The last path segment, without control, format (bidi overrides, zero-width) or separator
     * characters, at most 255 UTF-8 bytes, never empty or a dot name.
     */
    static String fileName(String declared) {
        if (declared == null) {
            return "file";
        }
        String name = declared;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean unsafe = type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.UNASSIGNED
                    || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE
                    || cp == '"';
            if (!unsafe) {
                clean.appendCodePoint(cp);
            }
        });
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        result = truncate(result, MAX_FILE_NAME_BYTES);
        return result.isBlank() ? "file" : result;
    }

    private static String truncate(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        int dot = s.lastIndexOf('.');
        String extension = dot > 0 && s.length() - dot <= 16 ? s.substring(dot) : "";
        int budget = maxBytes - extension.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length() - extension.length(); ) {
            int cp = s.codePointAt(i);
            int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return out + extension;
    }

    /** An upload as checked: what will be recorded. */
    record Declared(String kind, String contentType, long size, String fileName, Long durationMs) {}
}
