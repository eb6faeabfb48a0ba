package io.chatforge.im.message.group;

import io.chatforge.im.security.ImPrincipal;
import io.chatforge.im.service.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/groups")
@Tag(name = "groups")
class GroupController {
    private final GroupCommands commands;
    private final MemberCommands members;
    private final GroupQueries queries;

    GroupController(GroupCommands commands, MemberCommands members, GroupQueries queries) {
        this.commands = commands;
        this.members = members;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "Create a group with some of my friends; I become its owner")
    ResponseEntity<GroupView> create(
            @AuthenticationPrincipal ImPrincipal me, @Valid @RequestBody GroupRequests.Create request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(commands.create(me.userId(), request));
    }

    @GetMapping
    @Operation(summary = "The groups I am in")
    PageView<GroupView> mine(
            @AuthenticationPrincipal ImPrincipal me,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.mine(me.userId(), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A group and a page of its members (owner, admins, then members)")
    GroupQueries.GroupDetails details(
            @AuthenticationPrincipal ImPrincipal me,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return queries.details(me.userId(), id, page, size);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Name, avatar, announcement and settings (owner and admins)")
    GroupView update(
            @AuthenticationPrincipal ImPrincipal me,
            @PathVariable long id,
            @Valid @RequestBody GroupRequests.Update request) {
        return commands.update(me.userId(), id, request);
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add friends (owner and admins, or anyone when the group allows invites)")
    Map<String, List<Long>> addMembers(
            @AuthenticationPrincipal ImPrincipal me,
            @PathVariable long id,
            @Valid @RequestBody GroupRequests.AddMembers request) {
        return Map.of("added", members.add(me.userId(), id, request.userIds()));
    }

    @DeleteMapping("/{id}/members/{userId}")
    @Operation(summary = "Kick a member (owner and admins) or leave (yourself)")
    ResponseEntity<Void> removeMember(
            @AuthenticationPrincipal ImPrincipal me, @PathVariable long id, @PathVariable long userId) {
        members.remove(me.userId(), id, userId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/admins/{userId}")
    @Operation(summary = "Make a member an admin (owner)")
    ResponseEntity<Void> addAdmin(
            @AuthenticationPrincipal ImPrincipal me, @PathVariable long id, @PathVariable long userId) {
        members.setAdmin(me.userId(), id, userId, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/admins/{userId}")
    @Operation(summary = "Make an admin a plain member again (owner)")
    ResponseEntity<Void> removeAdmin(
            @AuthenticationPrincipal ImPrincipal me, @PathVariable long id, @PathVariable long userId) {
        members.setAdmin(me.userId(), id, userId, false);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Hand the group to another member (owner); the old owner stays as admin")
    ResponseEntity<Void> transfer(
            @AuthenticationPrincipal ImPrincipal me,
            @PathVariable long id,
            @Valid @RequestBody GroupRequests.Transfer request) {
        members.transfer(me.userId(), id, request.userId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/mutes/{userId}")
    @Operation(summary = "Mute a member for some minutes (owner and admins, over lower ranks)")
    ResponseEntity<Void> mute(
            @AuthenticationPrincipal ImPrincipal me,
            @PathVariable long id,
            @PathVariable long userId,
            @Valid @RequestBody GroupRequests.Mute request) {
        members.mute(me.userId(), id, userId, request.minutes());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/mutes/{userId}")
    @Operation(summary = "Lift a member's mute")
    ResponseEntity<Void> unmute(
            @AuthenticationPrincipal ImPrincipal me, @PathVariable long id, @PathVariable long userId) {
        members.mute(me.userId(), id, userId, null);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Dissolve the group (owner); its history stays readable up to here")
    ResponseEntity<Void> dissolve(@AuthenticationPrincipal ImPrincipal me, @PathVariable long id) {
        commands.dissolve(me.userId(), id);
        return ResponseEntity.noContent().build();
    }
}
