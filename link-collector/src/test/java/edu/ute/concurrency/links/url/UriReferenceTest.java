package edu.ute.concurrency.links.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UriReferenceTest {

    private static final UriReference BASE = UriReference.parse("http://a/b/c/d;p?q");

    /** RFC 3986 section 5.4.1, every example. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            g:h      | g:h
            g        | http://a/b/c/g
            ./g      | http://a/b/c/g
            g/       | http://a/b/c/g/
            /g       | http://a/g
            //g      | http://g
            ?y       | http://a/b/c/d;p?y
            g?y      | http://a/b/c/g?y
            #s       | http://a/b/c/d;p?q#s
            g#s      | http://a/b/c/g#s
            g?y#s    | http://a/b/c/g?y#s
            ;x       | http://a/b/c/;x
            g;x      | http://a/b/c/g;x
            g;x?y#s  | http://a/b/c/g;x?y#s
            ''       | http://a/b/c/d;p?q
            .        | http://a/b/c/
            ./       | http://a/b/c/
            ..       | http://a/b/
            ../      | http://a/b/
            ../g     | http://a/b/g
            ../..    | http://a/
            ../../   | http://a/
            ../../g  | http://a/g
            """)
    void resolvesTheNormalExamplesOfRfc3986(String reference, String expected) {
        assertThat(BASE.resolve(UriReference.parse(reference)).toString()).isEqualTo(expected);
    }

    /** RFC 3986 section 5.4.2, every example (strict parser: "http:g" stays "http:g"). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ../../../g     | http://a/g
            ../../../../g  | http://a/g
            /./g           | http://a/g
            /../g          | http://a/g
            g.             | http://a/b/c/g.
            .g             | http://a/b/c/.g
            g..            | http://a/b/c/g..
            ..g            | http://a/b/c/..g
            ./../g         | http://a/b/g
            ./g/.          | http://a/b/c/g/
            g/./h          | http://a/b/c/g/h
            g/../h         | http://a/b/c/h
            g;x=1/./y      | http://a/b/c/g;x=1/y
            g;x=1/../y     | http://a/b/c/y
            g?y/./x        | http://a/b/c/g?y/./x
            g?y/../x       | http://a/b/c/g?y/../x
            g#s/./x        | http://a/b/c/g#s/./x
            g#s/../x       | http://a/b/c/g#s/../x
            http:g         | http:g
            """)
    void resolvesTheAbnormalExamplesOfRfc3986(String reference, String expected) {
        assertThat(BASE.resolve(UriReference.parse(reference)).toString()).isEqualTo(expected);
    }

    /** The two examples of section 5.2.4. */
    @Test
    void removesDotSegmentsAsInSection524() {
        assertThat(UriReference.removeDotSegments("/a/b/c/./../../g")).isEqualTo("/a/g");
        assertThat(UriReference.removeDotSegments("mid/content=5/../6")).isEqualTo("mid/6");
    }

    /** Why this class exists: java.net.URI.resolve follows RFC 2396 and gets these wrong. */
    @Test
    void differsFromJavaNetUriWhereRfc2396Differs() {
        URI base = URI.create("http://a/b/c/d;p?q");
        assertThat(base.resolve("?y").toString()).isNotEqualTo("http://a/b/c/d;p?y");
        assertThat(base.resolve("../../../g").toString()).isNotEqualTo("http://a/g");
        assertThat(BASE.resolve(UriReference.parse("?y")).toString()).isEqualTo("http://a/b/c/d;p?y");
    }

    @Test
    void keepsAnEmptyQueryApartFromNoQuery() {
        assertThat(UriReference.parse("http://a/p?").query()).isEmpty();
        assertThat(UriReference.parse("http://a/p").query()).isNull();
        assertThat(UriReference.parse("http://a/p?").toString()).isEqualTo("http://a/p?");
    }
}
