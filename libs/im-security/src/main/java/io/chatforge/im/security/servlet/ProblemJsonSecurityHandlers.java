package io.chatforge.im.security.servlet;

import io.chatforge.im.security.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, with a Bearer challenge that never echoes token details. */
final class ProblemJsonSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        boolean badToken = ex instanceof InvalidBearerTokenException;
        String code = badToken ? "invalid_token" : "authentication_required";
        String detail = badToken
                ? "the access token is invalid, expired or revoked"
                : "this endpoint needs a valid access token (Authorization: Bearer ...)";
        response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, 401, "Unauthorized", code, detail, request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        write(response, 403, "Forbidden", "forbidden", "not allowed", request.getRequestURI());
    }

    private static void write(
            HttpServletResponse response, int status, String title, String code, String detail, String path)
            throws IOException {
        response.setStatus(status);
        response.setContentType(ProblemResponses.CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ProblemResponses.body(status, title, code, detail, path));
    }
}
