package io.chatforge.im.media.access;

import io.chatforge.im.contracts.media.MediaInternalApi;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** message-service's answers about which messages carry a media object, and who reads them. */
@FeignClient(name = "message-service", contextId = "messageMediaClient")
interface MessageMediaClient {

    @GetMapping(MediaInternalApi.READABLE)
    MediaInternalApi.Readable readable(@PathVariable("mediaId") String mediaId, @PathVariable("userId") long userId);

    @PostMapping(MediaInternalApi.REFERENCED)
    MediaInternalApi.MediaIds referenced(@RequestBody MediaInternalApi.MediaIds mediaIds);
}
