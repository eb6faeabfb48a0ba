package io.chatforge.im.media.upload;

import io.chatforge.im.security.ImPrincipal;
import io.chatforge.im.service.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/media")
@Tag(name = "media")
class MediaController {
    private final Uploads uploads;
    private final Downloads downloads;

    MediaController(Uploads uploads, Downloads downloads) {
        this.uploads = uploads;
        this.downloads = downloads;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Announce an upload: a presigned PUT URL bound to its size and content type")
    UploadTicket announce(@AuthenticationPrincipal ImPrincipal me, @RequestBody UploadRequest request) {
        return uploads.announce(me.userId(), request, origin());
    }

    @PostMapping("/{mediaId}/complete")
    @Operation(summary = "Check the uploaded bytes and make the media ready to send")
    MediaView complete(@AuthenticationPrincipal ImPrincipal me, @PathVariable String mediaId) {
        return uploads.complete(me.userId(), id(mediaId));
    }

    @GetMapping("/{mediaId}")
    @Operation(summary = "Download: 302 to a short-lived URL (JSON {url, expiresAt} with Accept: application/json)")
    ResponseEntity<?> download(
            @AuthenticationPrincipal ImPrincipal me,
            @PathVariable String mediaId,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(downloads.link(me.userId(), id(mediaId), false, origin()), accept);
    }

    @GetMapping("/{mediaId}/thumbnail")
    @Operation(summary = "A picture's thumbnail (longest side at most 320 px), as for the download")
    ResponseEntity<?> thumbnail(
            @AuthenticationPrincipal ImPrincipal me,
            @PathVariable String mediaId,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(downloads.link(me.userId(), id(mediaId), true, origin()), accept);
    }

    private static ResponseEntity<?> answer(Downloads.Link link, String accept) {
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(link);
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(link.url()))
                .cacheControl(CacheControl.noStore())
                .build();
    }

    /** The origin the client used, as the gateway forwarded it (X-Forwarded-Host and -Proto). */
    private static String origin() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .replacePath(null)
                .build()
                .toUriString();
    }

    private static long id(String mediaId) {
        try {
            long id = Long.parseLong(mediaId);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiProblem.notFound("media_not_found", "no such media");
    }
}
