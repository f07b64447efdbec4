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
 * Corrupt input raises {@link edu.ute.concurrency.rle.RleFormatException} or
 * {@link edu.ute.concurrency.rle.PbmFormatException} (both {@link java.io.IOException}s) with the byte
 * offset; no input makes the library throw an unchecked exception or allocate past its limits.
 */
package edu.ute.concurrency.rle;
