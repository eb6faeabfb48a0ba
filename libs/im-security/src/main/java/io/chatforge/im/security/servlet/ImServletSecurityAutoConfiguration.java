package io.chatforge.im.security.servlet;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.chatforge.im.security.AccessTokenValidators;
import io.chatforge.im.security.ImSecurityProperties;
import io.chatforge.im.security.InternalCalls;
import io.chatforge.im.security.JwksCache;
import io.chatforge.im.security.RevokedSessionCheck;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every servlet service verifies access tokens itself (defense in depth behind the gateway) and
 * accepts {@code /internal/**} only from platform services. A service adds public paths with
 * {@code im.security.public-paths}, or replaces the {@link JwtDecoder} (auth-service verifies with
 * its own key).
 */
@AutoConfiguration(
        after = io.chatforge.im.security.redis.RevokedSessionCheckAutoConfiguration.class,
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(ImSecurityProperties.class)
public class ImServletSecurityAutoConfiguration {

    static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/error");

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(ImSecurityProperties properties, ObjectProvider<RevokedSessionCheck> revoked) {
        var jwt = properties.jwt();
        if (jwt == null || jwt.jwkSetUri() == null || jwt.jwkSetUri().isBlank()) {
            throw new IllegalStateException("im.security.jwt.jwk-set-uri is not set (IM_AUTH_JWKS_URI)");
        }
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                JWSAlgorithm.RS256, JwksCache.remote(jwt.jwkSetUri(), jwt.jwksRefresh(), jwt.jwksMinRefetch())));
        processor.setJWTClaimsSetVerifier((claims, context) -> {}); // AccessTokenValidators check the claims
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(AccessTokenValidators.of(jwt.issuer(), jwt.clockSkew(), revoked.getIfAvailable()));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain imSecurityFilterChain(
            HttpSecurity http,
            ImSecurityProperties properties,
            ObjectProvider<JwtDecoder> jwtDecoder,
            Environment environment)
            throws Exception {
        String internalToken = properties.internalToken();
        InternalCalls.requireUsableToken(internalToken, environment.matchesProfiles("dev"));
        List<String> publicPaths = new ArrayList<>(ALWAYS_PUBLIC);
        publicPaths.addAll(properties.publicPaths());
        var handlers = new ProblemJsonSecurityHandlers();
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new InternalCallerFilter(internalToken), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .requestMatchers(publicPaths.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers(InternalCalls.PATH_PREFIX + "**")
                        .hasRole("INTERNAL")
                        .anyRequest()
                        .hasRole("USER"))
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.decoder(jwtDecoder.getObject())
                                .jwtAuthenticationConverter(ImAuthenticationToken::new))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        return http.build();
    }
}
