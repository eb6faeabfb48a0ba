package io.chatforge.im.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalPathsTest {

    @Test
    void spellingsOfOnePath_becomeOne() {
        assertThat(CanonicalPaths.canonical("/api/auth/login")).isEqualTo("/api/auth/login");
        assertThat(CanonicalPaths.canonical("/api/auth/%6Cogin")).isEqualTo("/api/auth/login");
        assertThat(CanonicalPaths.canonical("/api/auth/%6c%6F%67in")).isEqualTo("/api/auth/login");
        assertThat(CanonicalPaths.canonical("//api/auth/login")).isEqualTo("/api/auth/login");
        assertThat(CanonicalPaths.canonical("/api//auth///login")).isEqualTo("/api/auth/login");
        assertThat(CanonicalPaths.canonical("/api/auth/login/")).isEqualTo("/api/auth/login");
        assertThat(CanonicalPaths.canonical("/")).isEqualTo("/");
        assertThat(CanonicalPaths.canonical("")).isEqualTo("/");
        assertThat(CanonicalPaths.canonical("/assets/index-Ab12.js")).isEqualTo("/assets/index-Ab12.js");
    }

    @Test
    void characterThatNeedEscaping_stayEscaped() {
        assertThat(CanonicalPaths.canonical("/api/users/%E6%9D%8E")).isEqualTo("/api/users/%E6%9D%8E");
        assertThat(CanonicalPaths.canonical("/a%20b")).isEqualTo("/a%20b");
    }

    @Test
    void ambiguousPaths_areRefused() {
        for (String path : new String[] {
            "/api/auth/login;jsessionid=1",
            "/api/auth/..;/internal/sync",
            "/api/auth/../internal/x",
            "/api/./auth/login",
            "/api/auth%2Flogin",
            "/api/auth%5Clogin",
            "/api/auth/%252E%252E",
            "/api/auth/%2e%2e/internal",
            "/api/auth/log%00in",
            "/api/auth/%zz"
        }) {
            assertThatThrownBy(() -> CanonicalPaths.canonical(path))
                    .as(path)
                    .isInstanceOf(CanonicalPaths.MalformedPath.class);
        }
    }
}
