package io.chatforge.im.security.servlet;

import io.chatforge.im.security.InternalCalls;
import io.chatforge.im.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates calls to {@code /internal/**} by the shared service token; anything else on that
 * path gets 401 and never reaches a controller.
 */
final class InternalCallerFilter extends OncePerRequestFilter {
    private final byte[] expected;

    InternalCallerFilter(String internalToken) {
        this.expected = internalToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(InternalCalls.PATH_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(InternalCalls.TOKEN_HEADER);
        if (presented == null || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            response.setStatus(401);
            response.setContentType(ProblemResponses.CONTENT_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write(ProblemResponses.body(
                            401,
                            "Unauthorized",
                            "internal_caller_required",
                            "internal endpoints accept calls from platform services only",
                            request.getRequestURI()));
            return;
        }
        var caller = new UsernamePasswordAuthenticationToken(
                "internal-service", null, List.of(new SimpleGrantedAuthority("ROLE_INTERNAL")));
        SecurityContextHolder.getContext().setAuthentication(caller);
        chain.doFilter(request, response);
    }
}
