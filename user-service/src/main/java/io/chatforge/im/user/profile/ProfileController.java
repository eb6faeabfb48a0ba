package io.chatforge.im.user.profile;

import io.chatforge.im.security.ImPrincipal;
import io.chatforge.im.service.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
@Tag(name = "profiles")
class ProfileController {
    private final ProfileService profiles;

    ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/me")
    @Operation(summary = "My profile")
    ProfileView me(@AuthenticationPrincipal ImPrincipal me) {
        return profiles.get(me.userId());
    }

    @PatchMapping("/me")
    @Operation(summary = "Change my nickname and/or avatar; absent fields stay, avatar \"\" removes it")
    ProfileView updateMe(@AuthenticationPrincipal ImPrincipal me, @RequestBody UpdateProfileRequest request) {
        return profiles.update(me.userId(), request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Someone's profile")
    ProfileView byId(@PathVariable long id) {
        return profiles.get(id);
    }

    @GetMapping
    @Operation(summary = "Find users whose username or nickname starts with the query")
    PageView<ProfileView> search(
            @RequestParam(required = false) String query,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return PageView.of(profiles.search(query, page, size), UserProfile::toView);
    }
}
