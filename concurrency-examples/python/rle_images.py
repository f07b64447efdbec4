"""Image files in and out: PBM (P1 and P4) always, PNG, GIF, BMP, TIFF... when Pillow is installed.

PBM is the format both languages read without a library: a short text header (``P4``, the width,
the height), then the pixels, 1 = black, eight to a byte and each row padded to a whole byte (``P4``)
or one ASCII digit each (``P1``). Every file this program writes goes to a temporary name first and
is renamed into place, so an error or Ctrl-C never leaves half a file behind.
"""

import os
import re
import tempfile
from pathlib import Path

from bitarray import bitarray

from rle_codec import FormatError, Image, check_size

WHITESPACE = b" \t\n\v\f\r"
COMMENT = re.compile(rb"#[^\r\n]*")
DIGITS = re.compile(rb"[0-9]+")


def read_image(path):
    """The image in a PBM file, or in any format Pillow reads; 1 = black."""
    path = Path(path)
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] in (b"P1", b"P4"):
        return read_pbm(data)
    return read_with_pillow(path)


def read_pbm(data):
    """Parses P1 or P4; only the first image of a file that holds several."""
    width, pos = header_number(data, 2, "width")
    height, pos = header_number(data, pos, "height")
    check_size(width, height, pos)
    if data[1:2] == b"4":
        # Exactly one whitespace byte ends the header; the raster's bytes may look like anything.
        if pos == len(data) or data[pos] not in WHITESPACE:
            raise FormatError("expected one whitespace character after the height", pos)
        return raw_raster(data, pos + 1, width, height)
    return plain_raster(data, pos, width, height)


def header_number(data, pos, what):
    """Skips whitespace and comments (at least one), then reads a decimal number; returns it and the
    offset after it."""
    start = pos
    while pos < len(data) and (data[pos] in WHITESPACE or data[pos] == ord("#")):
        pos = COMMENT.match(data, pos).end() if data[pos] == ord("#") else pos + 1
    digits = DIGITS.match(data, pos)
    if pos == start or not digits:
        raise FormatError(f"expected the {what} as a decimal number after whitespace", pos)
    if len(digits[0]) > 9:
        raise FormatError(f"the {what} has {len(digits[0])} digits", pos)
    return int(digits[0]), digits.end()


def raw_raster(data, pos, width, height):
    row_bytes = (width + 7) // 8
    rows = []
    for y in range(height):
        chunk = data[pos:pos + row_bytes]
        if len(chunk) < row_bytes:
            raise FormatError(f"raster ends in row {y} of {height}", pos + len(chunk))
        row = bitarray(endian="big")
        row.frombytes(chunk)
        del row[width:]  # the padding bits of the row's last byte
        rows.append(row)
        pos += row_bytes
    return Image(width, height, rows)


def plain_raster(data, pos, width, height):
    # Comments become spaces (so offsets stay right), whitespace goes; what is left must be 0s and 1s.
    text = COMMENT.sub(lambda m: b" " * len(m[0]), data[pos:])
    digits = text.translate(None, WHITESPACE)[:width * height]
    if digits.translate(None, b"01"):
        bad = re.search(rb"[^01 \t\n\v\f\r]", text).start()
        raise FormatError(f"expected 0 or 1 for a pixel, found {text[bad:bad + 1]!r}", pos + bad)
    if len(digits) < width * height:
        raise FormatError(f"raster ends at pixel ({len(digits) % max(width, 1)}, "
                          f"{len(digits) // max(width, 1)})", len(data))
    bits = bitarray(digits.decode("ascii"), endian="big")
    return Image(width, height, [bits[y * width:(y + 1) * width] for y in range(height)])


def read_with_pillow(path):
    """Any image Pillow opens, made 1-bit the way rle-core does: black where the luminance is below
    half and the pixel is at least half opaque."""
    try:
        from PIL import Image as Picture, ImageChops
    except ImportError:
        raise FormatError("not a PBM file (P1 or P4); other formats need Pillow: "
                          "python3 -m pip install Pillow", 0) from None
    with Picture.open(path) as picture:
        check_size(*picture.size)  # before decoding: open() has read the header only
        luminance, alpha = picture.convert("RGBA").convert("LA").split()
    dark = luminance.point(lambda v: 255 if v < 128 else 0, "1")
    opaque = alpha.point(lambda v: 255 if v >= 128 else 0, "1")
    black = ImageChops.logical_and(dark, opaque)
    width, height = black.size
    # Mode "1" packs eight pixels a byte, rows padded, bit 1 = value 255: here, black. PBM's P4 layout.
    return raw_raster(black.tobytes(), 0, width, height)


def pbm_bytes(image):
    """The image as PBM P4."""
    header = f"P4\n{image.width} {image.height}\n".encode("ascii")
    return header + b"".join([row.tobytes() for row in image.rows])  # tobytes pads with 0 (white)


def write_atomically(path, data):
    """Writes ``data`` to a temporary file beside ``path``, then renames it over ``path``."""
    path = Path(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(temporary, mode)  # mkstemp made it owner-only
        os.replace(temporary, path)
    except BaseException:  # KeyboardInterrupt included: no temporary file is left behind
        os.unlink(temporary)
        raise
