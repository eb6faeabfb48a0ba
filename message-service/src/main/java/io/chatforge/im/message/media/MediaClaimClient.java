package io.chatforge.im.message.media;

import io.chatforge.im.contracts.media.MediaInternalApi;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** media-service: which of a sender's media are ready to be sent. */
@FeignClient(name = "media-service", contextId = "mediaClaimClient")
interface MediaClaimClient {

    @PostMapping(MediaInternalApi.CLAIMS)
    List<MediaInternalApi.Claimed> claim(@RequestBody MediaInternalApi.ClaimRequest request);
}
