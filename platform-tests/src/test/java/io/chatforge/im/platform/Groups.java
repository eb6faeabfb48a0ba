package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

final class Groups {
    private Groups() {}

    /** Creates a group of the owner's friends; its id. */
    static long create(ApiClient api, Accounts.Account owner, List<Long> members) {
        var created = api.post("/api/groups", Map.of("name", "group", "memberIds", members), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("groupId").asLong();
    }
}
