package io.chatforge.im.gateway.security;

import io.chatforge.im.gateway.error.ProblemJson;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401/403 from the gateway as problem+json with a Bearer challenge. */
final class ProblemJsonAuthHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean badToken = ex instanceof InvalidBearerTokenException;
        exchange.getResponse()
                .getHeaders()
                .set("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        return ProblemJson.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                badToken ? "invalid_token" : "authentication_required",
                badToken
                        ? "the access token is invalid, expired or revoked"
                        : "this endpoint needs a valid access token (Authorization: Bearer ...)");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return ProblemJson.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "not allowed");
    }
}
