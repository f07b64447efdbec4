/**
 * A fast, strict run-length codec for 1-bit images, byte-compatible with the course's Python version.
 *
 * <p>Start at {@link edu.ute.concurrency.rle.Rle}, which documents the byte format:
 * <pre>{@code
 * PackedBitImage page = ImageFiles.read(Path.of("scan.pbm"));      // or .png, .gif, .bmp, .rle
 * byte[] payload = Rle.encoder().encode(page);                      // the bare RLE bytes
 * byte[] file = RleFile.encode(page);                               // header, block index, CRC32C
 * PackedBitImage back = RleFile.parse(file).decode();               // every byte checked
 * ImageFiles.write(back, Path.of("copy.png"));                      // temp file, then moved into place
 * }</pre>
 *
 * <ul>
 *   <li>{@link edu.ute.concurrency.rle.PackedBitImage}: the image, rows of 64-bit words.</li>
 *   <li>{@link edu.ute.concurrency.rle.RleEncoder} / {@link edu.ute.concurrency.rle.RleDecoder}: one-shot,
 *       row-range and streaming ({@link edu.ute.concurrency.rle.RleRowWriter},
 *       {@link edu.ute.concurrency.rle.RleRowReader}) coding of the payload.</li>
 *   <li>{@link edu.ute.concurrency.rle.RleFile}: the {@code .rle} file format, with the block index that
 *       lets blocks be decoded in parallel.</li>
 *   <li>{@link edu.ute.concurrency.rle.Pbm}, {@link edu.ute.concurrency.rle.ImageFiles}: PBM, PNG and
 *       friends in and out.</li>
 *   <li>{@link edu.ute.concurrency.rle.RleLimits}: how large an image a reader agrees to allocate.</li>
 *   <li>{@link edu.ute.concurrency.rle.SampleImages}: deterministic workloads for examples and benchmarks.</li>
 * </ul>
 *
 * <h2>Errors: the caller's or the data's</h2>
 * A mistake in how a method is called throws an unchecked exception at once, before anything is read,
 * written or allocated, with a message that says what is wrong: {@link NullPointerException}
 * for a null, {@link IndexOutOfBoundsException} for a row, pixel or array range outside its bounds (as
 * in {@code java.util}), and {@link IllegalArgumentException} for the rest (a negative size, a row array
 * too short for the width, an image whose width differs from a streaming reader's or writer's). Anything
 * wrong with the data (its bytes, and the sizes that travel with it: a header's, or those given to a
 * decoder beside its payload) throws the documented checked exception: an
 * {@link edu.ute.concurrency.rle.RleFormatException} or a {@link edu.ute.concurrency.rle.PbmFormatException}
 * with the byte offset, or from {@link edu.ute.concurrency.rle.ImageFiles} an {@link java.io.IOException}
 * naming the file. Sizes are checked against the reader's {@link edu.ute.concurrency.rle.RleLimits} with
 * overflow-checked arithmetic before anything proportional to them is allocated, so that no input,
 * under any limits the API accepts, makes the library throw an unchecked exception or allocate more
 * than the limits and the input allow.
 */
package edu.ute.concurrency.rle;
