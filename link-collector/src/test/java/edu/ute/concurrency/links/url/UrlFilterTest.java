package edu.ute.concurrency.links.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlFilterTest {

    @Test
    void withoutPatternsEverythingIsAdmitted() {
        UrlFilter none = UrlFilter.of(List.of(), List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.admits("http://example.org/any")).isTrue();
        assertThat(UrlFilter.NONE.isEmpty()).isTrue();
    }

    @Test
    void includeAdmitsOnlyUrlsInWhichOneOfItsPatternsIsFound() {
        UrlFilter f = UrlFilter.of(List.of("/docs/", "\\.pdf$"), List.of());
        assertThat(f.isEmpty()).isFalse();
        assertThat(f.admits("http://example.org/docs/a.html")).isTrue();
        assertThat(f.admits("http://example.org/b.pdf")).as("the second pattern").isTrue();
        assertThat(f.admits("http://example.org/blog/")).isFalse();
    }

    @Test
    void excludeWinsOverInclude() {
        UrlFilter f = UrlFilter.of(List.of("example\\.org"), List.of("/private/", "logout"));
        assertThat(f.isEmpty()).isFalse();
        assertThat(f.admits("http://example.org/public")).isTrue();
        assertThat(f.admits("http://example.org/private/x")).isFalse();
        assertThat(f.admits("http://example.org/logout")).as("the second pattern").isFalse();
        assertThat(f.admits("http://other.org/public")).as("not included").isFalse();
    }

    @Test
    void excludeAloneAdmitsEverythingElse() {
        UrlFilter f = UrlFilter.of(List.of(), List.of("\\?sort="));
        assertThat(f.admits("http://example.org/list")).isTrue();
        assertThat(f.admits("http://example.org/list?sort=asc")).isFalse();
    }

    @Test
    void anInvalidPatternIsNamed() {
        assertThatThrownBy(() -> UrlFilter.of(List.of("(unclosed"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"(unclosed\" is not a regular expression");
    }
}
