package io.chatforge.im.message.media;

import io.chatforge.im.contracts.frame.MsgIds;
import io.chatforge.im.contracts.media.MediaInternalApi;
import io.chatforge.im.message.log.MediaReferences;
import io.chatforge.im.service.web.ApiProblem;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** media-service asks who may read an object, and which objects messages still carry. */
@RestController
class InternalMediaController {
    private final MediaReferences references;

    InternalMediaController(MediaReferences references) {
        this.references = references;
    }

    @GetMapping(MediaInternalApi.READABLE)
    MediaInternalApi.Readable readable(@PathVariable String mediaId, @PathVariable long userId) {
        Long id = MsgIds.parse(mediaId);
        return new MediaInternalApi.Readable(id != null && references.readable(id, userId));
    }

    @PostMapping(MediaInternalApi.REFERENCED)
    MediaInternalApi.MediaIds referenced(@RequestBody MediaInternalApi.MediaIds asked) {
        if (asked.mediaIds() == null || asked.mediaIds().size() > MediaInternalApi.MAX_IDS) {
            throw ApiProblem.badRequest("validation_failed", "at most " + MediaInternalApi.MAX_IDS + " media ids");
        }
        List<Long> ids = asked.mediaIds().stream()
                .map(MsgIds::parse)
                .filter(java.util.Objects::nonNull)
                .toList();
        return new MediaInternalApi.MediaIds(
                references.referenced(ids).stream().map(String::valueOf).toList());
    }
}
