package org.envol.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** "Back" after a POST stays on this site. */
class BackTest {

    private static String back(String referer) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        return Back.path(request);
    }

    @Test
    void keepsThePathAndQueryOfTheReferer() {
        assertThat(back("http://localhost:8080/journal?from=2025-01-01&text=a%20b")).isEqualTo("/journal?from=2025-01-01&text=a%20b");
    }

    @Test
    void neverGoesToAnotherHost() {
        assertThat(back("https://evil.example/x")).isEqualTo("/x");
        assertThat(back("https://evil.example")).isEqualTo("/");
        assertThat(back("//evil.example/x")).isEqualTo("/x");
        assertThat(back("http://localhost//evil.example/x")).isEqualTo("/");
        assertThat(back("javascript:alert(1)")).isEqualTo("/");
        assertThat(back("not a uri")).isEqualTo("/");
        assertThat(back(null)).isEqualTo("/");
    }
}
