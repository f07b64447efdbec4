package edu.ute.concurrency.links.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** RFC 9110 section 8.4: the codings a crawler asks for, undone, and the ones it cannot undo refused. */
class ContentCodingTest {

    private static final byte[] PAGE = "<a href=/x>x</a>".repeat(100).getBytes(StandardCharsets.UTF_8);

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            d.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void undoesGzipAndXGzipRfc9110Section8_4_1_3() throws IOException {
        assertThat(ContentCoding.decode(List.of("gzip"), gzip(PAGE), false, 1 << 20).bytes()).isEqualTo(PAGE);
        assertThat(ContentCoding.decode(List.of("X-GZIP"), gzip(PAGE), false, 1 << 20).bytes()).isEqualTo(PAGE);
    }

    /** Section 8.4.1.2: deflate is zlib; raw deflate (no zlib header), as some servers send, is accepted too. */
    @Test
    void undoesDeflateWithOrWithoutTheZlibWrapperRfc9110Section8_4_1_2() throws IOException {
        assertThat(ContentCoding.decode(List.of("deflate"), deflate(PAGE, false), false, 1 << 20).bytes()).isEqualTo(PAGE);
        assertThat(ContentCoding.decode(List.of("deflate"), deflate(PAGE, true), false, 1 << 20).bytes()).isEqualTo(PAGE);
    }

    /** Section 8.4: codings are listed in the order applied, so they are undone last first. */
    @Test
    void undoesStackedCodingsInReverseOrder() throws IOException {
        byte[] twice = gzip(deflate(PAGE, false));
        assertThat(ContentCoding.decode(List.of("deflate, gzip"), twice, false, 1 << 20).bytes()).isEqualTo(PAGE);
        assertThat(ContentCoding.decode(List.of("deflate", "identity", "gzip"), twice, false, 1 << 20).bytes()).isEqualTo(PAGE);
    }

    @Test
    void refusesCodingsItDidNotAskFor() {
        assertThatThrownBy(() -> ContentCoding.decode(List.of("br"), PAGE, false, 100))
                .isInstanceOf(ContentCoding.UnsupportedCodingException.class).hasMessage("br");
        assertThatThrownBy(() -> ContentCoding.decode(List.of("gzip, zstd"), PAGE, false, 100))
                .isInstanceOf(ContentCoding.UnsupportedCodingException.class).hasMessage("zstd");
    }

    @Test
    void capsTheDecodedSizeOfABomb() throws IOException {
        byte[] zeros = new byte[50 << 20];
        byte[] bomb = gzip(zeros);
        assertThat(bomb.length).isLessThan(100_000);
        ContentCoding.Decoded d = ContentCoding.decode(List.of("gzip"), bomb, false, 1 << 20);
        assertThat(d.bytes()).hasSize(1 << 20);
        assertThat(d.truncated()).isTrue();
    }

    @Test
    void aBodyCutInTransferDecodesAsFarAsItGoesAndCorruptDataIsAnError() throws IOException {
        byte[] whole = gzip(PAGE);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        ContentCoding.Decoded d = ContentCoding.decode(List.of("gzip"), cut, true, 1 << 20);
        assertThat(d.truncated()).isTrue();
        assertThat(PAGE).startsWith(d.bytes());
        assertThatThrownBy(() -> ContentCoding.decode(List.of("gzip"), cut, false, 1 << 20)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ContentCoding.decode(List.of("gzip"), PAGE, false, 1 << 20)).isInstanceOf(IOException.class);
    }
}
