"""The case study's codec: run-length encoding of 1-bit images, one byte per run.

The format (the same bytes as rle-core's ``Rle.encoder()``, see docs/FORMAT.md):

* rows top to bottom; each row is cut into groups of 127 pixels (the last one may be shorter);
* inside a group, each run of equal pixels becomes one byte: the top bit is the colour
  (1 = black, as in PBM), the low 7 bits the length, 1..127;
* a run never crosses a group or a row, so every row starts a new byte.

    >>> row = bitarray("0011100000")
    >>> encode_row(row).hex(" ")
    '02 83 05'

An image is a list of rows, each a ``bitarray`` of exactly ``width`` bits, 1 = black. Rows are
independent, which is what the concurrent versions (``rle_concurrent``) exploit.
"""

from dataclasses import dataclass
from functools import lru_cache

from bitarray import bitarray
from bitarray.util import zeros

GROUP = 127
"""Pixels in a group: a run's length must fit the low 7 bits of its byte."""

MAX_SIDE = 9921
MAX_PIXELS = 7016 * 9921
"""Largest accepted image: a 600-dpi A3 page, the same limits as rle-core's ``RleLimits.DEFAULT``."""


class FormatError(ValueError):
    """Corrupt input: says what is wrong and where (a byte offset, as rle-core does)."""

    def __init__(self, message, offset):
        super().__init__(message, offset)  # both in args, so that it survives pickling to a parent
        self.message = message
        self.offset = offset

    def __str__(self):
        return f"{self.message} (at byte offset {self.offset})"


@dataclass
class Image:
    """A 1-bit image: ``rows[y][x]`` is 1 for a black pixel."""

    width: int
    height: int
    rows: list

    @classmethod
    def blank(cls, width, height):
        return cls(width, height, [zeros(width, endian="big") for _ in range(height)])


def check_size(width, height, offset=0):
    """Refuses a size over the limits before anything proportional to it is allocated."""
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise FormatError(f"image size {width}x{height} is over the limit "
                          f"({MAX_SIDE} a side, {MAX_PIXELS} pixels)", offset)


# -- encoding --------------------------------------------------------------------------------------

def encode_row_per_bit(row):
    """The first version anyone writes: look at every pixel, emit a byte when the run ends."""
    out = bytearray()
    width = len(row)
    for group_start in range(0, width, GROUP):
        group_end = min(group_start + GROUP, width)
        colour, run = row[group_start], 0
        for x in range(group_start, group_end):
            if row[x] == colour:
                run += 1
            else:
                out.append(colour << 7 | run)
                colour, run = row[x], 1
        out.append(colour << 7 | run)
    return bytes(out)


ONE = bitarray("1")


@lru_cache(maxsize=64)
def group_starts(width):
    """A row's worth of bits with a 1 where each group of 127 pixels begins."""
    marks = zeros(width, endian="big")
    marks[::GROUP] = 1
    return marks


def encode_row(row):
    """The same bytes, letting bitarray (C code) find where runs start; Python touches each run once."""
    # A run starts where a pixel differs from its left neighbour, and at every group boundary.
    starts_here = row ^ (row >> 1)
    starts_here |= group_starts(len(row))
    starts = list(starts_here.search(ONE))
    starts.append(len(row))
    return bytes([row[s] << 7 | (end - s) for s, end in zip(starts, starts[1:])])


def encode_image(image, encode=encode_row):
    """The whole image, row after row: the payload rle-core's encoder writes for the same pixels."""
    return b"".join([encode(row) for row in image.rows])


# -- decoding --------------------------------------------------------------------------------------

RUNS = [bitarray([b >> 7], endian="big") * (b & 0x7F) for b in range(256)]
"""The pixels of each possible byte: byte 0x83 is three black pixels."""


def decode_payload(payload, width, height, base_offset=0):
    """Rebuilds the image, checking every run; ``base_offset`` is where the payload sits in its file."""
    check_size(width, height, base_offset)
    min_length, max_length = height * -(-width // GROUP), width * height  # a byte per group, a byte per pixel
    if len(payload) < min_length:
        raise FormatError(f"truncated payload: {len(payload)} bytes cannot encode {width}x{height} pixels "
                          f"(at least {min_length} needed)", base_offset + len(payload))
    if len(payload) > max_length:
        raise FormatError(f"payload of {len(payload)} bytes is longer than any encoding of {width}x{height} "
                          f"pixels (at most {max_length})", base_offset + max_length)
    rows = []
    pos = 0
    for y in range(height):
        row = bitarray(endian="big")
        for group_start in range(0, width, GROUP):
            group_length = min(GROUP, width - group_start)
            filled = 0
            while filled < group_length:
                if pos == len(payload):
                    raise FormatError(f"payload ends in row {y} of {height}", base_offset + pos)
                run = payload[pos] & 0x7F
                if run == 0:
                    raise FormatError("zero-length run", base_offset + pos)
                if filled + run > group_length:
                    raise FormatError(f"run of {run} crosses the end of a group of {group_length} pixels "
                                      f"in row {y}", base_offset + pos)
                row += RUNS[payload[pos]]
                filled += run
                pos += 1
        rows.append(row)
    if pos != len(payload):
        raise FormatError(f"{len(payload) - pos} bytes after the last row", base_offset + pos)
    return Image(width, height, rows)


# -- the course file: sizes, then the payload with white = 1 ---------------------------------------

SWAP_COLOUR = bytes(b ^ 0x80 for b in range(256))
"""Flipping a byte's top bit turns a run of black into the same run of white, and back."""

COURSE_MAX_SIDE = 0xFFFF


def course_file_bytes(width, height, payload):
    """The bare course layout (rle-core's ``CourseRleFile``) of an image whose payload is
    ``payload``: width and height as 2-byte little-endian numbers, then the payload with 1 = WHITE.

    White is 1 there because that is what Pillow's mode "1" holds (255 = white): encoding the bits of
    ``PIL.Image.open(path).convert("1")`` as they are gives exactly this payload.
    """
    if width > COURSE_MAX_SIDE or height > COURSE_MAX_SIDE:
        raise ValueError(f"the course file holds at most {COURSE_MAX_SIDE} pixels a side, not {width}x{height}")
    return width.to_bytes(2, "little") + height.to_bytes(2, "little") + payload.translate(SWAP_COLOUR)


def read_course_file(data):
    """The image of a course file, every run checked."""
    if len(data) < 4:
        raise FormatError(f"truncated file: the header needs 4 bytes, only {len(data)}", len(data))
    width = int.from_bytes(data[0:2], "little")
    height = int.from_bytes(data[2:4], "little")
    check_size(width, height, 0)  # the size is wrong, not the payload: the offset of the header
    return decode_payload(data[4:].translate(SWAP_COLOUR), width, height, base_offset=4)
