"""Image files made for the tests and the benchmarks: honest ones, and attackers' ones
(a header that lies about the size, a real image of a huge size in a few hundred kB)."""

import io
import struct
import zlib

from PIL import Image

# A web page appended after the image data: what a polyglot upload hides.
POLYGLOT_TAIL = b"<html><script>alert(1)</script></html>"


def encoded(image_format="JPEG", size=(64, 48), color="orange", mode="RGB", **options):
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=image_format, **options)
    return buffer.getvalue()


def _chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def claimed_png(width, height):
    """A 32 x 32 PNG whose header (IHDR, its CRC fixed) claims ``width`` x ``height``."""
    data = bytearray(encoded("PNG", (32, 32)))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def claimed_jpeg(width, height):
    """A 32 x 32 JPEG whose frame header (SOF0) claims ``width`` x ``height``."""
    data = bytearray(encoded("JPEG", (32, 32)))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def real_png(width, height):
    """A true, valid grey PNG of ``width`` x ``height``, a few hundred kB of zlib."""
    compressor = zlib.compressobj(9)
    row = bytes(width + 1)  # filter byte, then black pixels
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


def with_metadata(data: bytes, iptc: dict | None = None, xmp: dict | None = None) -> bytes:
    """``data`` with IPTC and XMP fields written by exiv2 (pyexiv2), as a photo desk's tools
    write them: ``{"Iptc.Application2.Caption": "…"}``, ``{"Xmp.dc.description": …}``."""
    import pyexiv2

    image = pyexiv2.ImageData(data)
    try:
        if iptc:
            image.modify_iptc({"Iptc.Envelope.CharacterSet": "\x1b%G", **iptc})
        if xmp:
            image.modify_xmp(xmp)
        return image.get_bytes()
    finally:
        image.close()
