package io.chatforge.im.security.servlet;

import io.chatforge.im.security.ImPrincipal;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified access token, exposing the caller as an {@link ImPrincipal}. */
final class ImAuthenticationToken extends AbstractAuthenticationToken {
    private final ImPrincipal principal;
    private final Jwt jwt;

    ImAuthenticationToken(Jwt jwt) {
        super(List.of(new SimpleGrantedAuthority("ROLE_USER")));
        this.jwt = jwt;
        this.principal = ImPrincipal.from(jwt);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return jwt;
    }

    @Override
    public ImPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return Long.toString(principal.userId());
    }
}
