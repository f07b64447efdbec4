package edu.ute.concurrency.links.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkExtractorTest {

    private static java.util.List<String> links(String html) {
        return LinkExtractor.extract(html).links();
    }

    @Test
    void readsDoubleSingleAndUnquotedValuesInAnyCase() {
        assertThat(links("<a href=\"a.html\">a</a><A HREF='b.html'>b</A><a hReF=c.html>c</a><a href = \"d.html\" >"))
                .containsExactly("a.html", "b.html", "c.html", "d.html");
    }

    @Test
    void readsHrefOfAreaAndLinkAndSrcOfMediaAndScripts() {
        assertThat(links("<link rel=stylesheet href=/s.css><area href=/map><img src=/i.png alt=x>"
                + "<script src=/app.js></script><iframe src=/f.html></iframe><source src=/v.webm>"))
                .containsExactly("/s.css", "/map", "/i.png", "/app.js", "/f.html", "/v.webm");
    }

    @Test
    void ignoresAttributesThatAreNotLinks() {
        assertThat(links("<a title=\"href=/no.html\" data-href=/no2.html>x</a><div href=/no3.html></div><img href=/no4>"))
                .isEmpty();
    }

    @Test
    void decodesEntitiesInValues() {
        assertThat(links("<a href=\"/search?q=1&amp;lang=en\">x</a><a href='/a&#47;b&#x2F;c'>y</a>"))
                .containsExactly("/search?q=1&lang=en", "/a/b/c");
    }

    @Test
    void ignoresCommentsIncludingTheirOddForms() {
        assertThat(links("<!-- <a href=/c1.html> --><!--><a href=/ok1.html><!---><a href=/ok2.html>"
                + "<!-- a -- b <a href=/c2.html> --!><a href=/ok3.html>"))
                .containsExactly("/ok1.html", "/ok2.html", "/ok3.html");
    }

    @Test
    void ignoresTagsInsideScriptStyleTextareaAndTitle() {
        String html = "<script>document.write('<a href=\"/s.html\">'); if (a<b) {}</script>"
                + "<style>a[href=\"/st.html\"]{}</style><title><a href=/t.html></title>"
                + "<textarea><a href=/ta.html></textarea><SCRIPT type=x>'</scripty><a href=/s2.html>'</SCRIPT >"
                + "<a href=/after.html>";
        assertThat(links(html)).containsExactly("/after.html");
    }

    @Test
    void readsTheScriptSrcButNotItsBody() {
        assertThat(links("<script src=/x.js/><a href=/inside.html></script><a href=/out.html>"))
                .containsExactly("/x.js/", "/out.html");
    }

    @Test
    void firstOfTwoEqualAttributesWins() {
        assertThat(links("<a href=/first.html HREF=/second.html>")).containsExactly("/first.html");
    }

    @Test
    void findsTheFirstBaseHref() {
        LinkExtractor.ExtractedLinks found = LinkExtractor.extract(
                "<head><base target=_top><base href=\"/docs/\"><base href=/other/></head><a href=x>");
        assertThat(found.baseHref()).isEqualTo("/docs/");
        assertThat(found.links()).containsExactly("x");
    }

    @Test
    void survivesBrokenMarkup() {
        assertThat(links("a < b <a href=/ok.html><p <a href=/weird.html> <a href=\"/unterminated")).contains("/ok.html");
        assertThat(links("<")).isEmpty();
        assertThat(links("<a href")).containsExactly("");
        assertThat(links("<!DOCTYPE html><?xml x?></p><a\nhref\n=\n'/nl.html'>")).containsExactly("/nl.html");
    }

    @Test
    void keepsDuplicatesAndDocumentOrder() {
        assertThat(links("<a href=b></a><a href=a></a><a href=b></a>")).containsExactly("b", "a", "b");
    }
}
