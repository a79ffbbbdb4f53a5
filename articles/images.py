"""Uploaded photo files: the byte and pixel limits, and the re-encoded file that is stored.

Every door comes through here: the admin's forms and the editor's upload (PhotoImageField),
the shell and importers (``Photo.save()``). The limits are read from the file's size and
its header before any pixel is decoded: a 160 kB PNG claiming 13000 × 13000 pixels took
17 s and 950 MB of a worker (issue #8). The stored original is a new file written by
Pillow from the decoded pixels, so nothing after the image data survives (an appended HTML
page made polyglots, issue #8), and of the metadata only the colour profile and the
caption and credit fields do: no GPS, no camera data, no embedded thumbnail.
"""

import io
import os
import warnings

import pyexiv2
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, JpegImagePlugin

# Pillow's format names we accept: the name a journalist reads, the stored extension.
FORMATS = {"JPEG": ("JPEG", ".jpg"), "PNG": ("PNG", ".png"), "WEBP": ("WebP", ".webp")}
# Lossy WebP has no recoverable quality setting; 90 keeps a second generation invisible.
WEBP_QUALITY = 90

# The caption and credit fields newsroom tools read, kept in the stored file (pyexiv2 keys):
# IPTC 2:105 Headline, 2:120 Caption-Abstract, 2:80 By-line, 2:110 Credit, 2:115 Source,
# 2:116 Copyright Notice; their XMP twins; and the camera's own EXIF artist and copyright.
KEPT_IPTC = [
    "Iptc.Application2.Headline",
    "Iptc.Application2.Caption",
    "Iptc.Application2.Byline",
    "Iptc.Application2.Credit",
    "Iptc.Application2.Source",
    "Iptc.Application2.Copyright",
]
KEPT_XMP = [
    "Xmp.photoshop.Headline",
    "Xmp.dc.description",
    "Xmp.dc.creator",
    "Xmp.photoshop.Credit",
    "Xmp.photoshop.Source",
    "Xmp.dc.rights",
]
KEPT_EXIF = ["Exif.Image.ImageDescription", "Exif.Image.Artist", "Exif.Image.Copyright"]
IPTC_UTF8 = "\x1b%G"

MESSAGES = {
    "too_large": _("Tệp “%(name)s” nặng %(size)s MB, vượt giới hạn %(limit)s MB."),
    "too_many_pixels": _(
        "Ảnh “%(name)s” có %(width)s × %(height)s điểm ảnh (%(mpx)s megapixel), vượt giới hạn "
        "%(limit)s megapixel. Hãy thu nhỏ ảnh rồi tải lên lại."
    ),
    # Pillow refuses to even report the size of an image past twice its own limit.
    "far_too_many_pixels": _(
        "Ảnh “%(name)s” có hơn %(mpx)s megapixel, vượt giới hạn %(limit)s megapixel. "
        "Hãy thu nhỏ ảnh rồi tải lên lại."
    ),
    "invalid_image": _(
        "Tệp “%(name)s” không phải là ảnh hoặc ảnh bị hỏng. Hãy chọn ảnh JPEG, PNG hoặc WebP."
    ),
    "format": _("Ảnh “%(name)s” có định dạng %(format)s; chỉ nhận JPEG, PNG hoặc WebP."),
}


class ReencodedImage(ContentFile):
    """A file written by :func:`reencode`; ``Photo.save()`` stores it as it is."""


def check(file) -> str:
    """Refuse ``file`` over the byte or pixel limit or not JPEG, PNG or WebP, from its size
    and header alone; return Pillow's format name."""
    name = display_name(file)
    limit_mb = settings.NEWSROOM_MAX_UPLOAD_MB
    if file.size > limit_mb * 1024 * 1024:
        _refuse("too_large", name=name, size=_number(file.size / 1024 / 1024), limit=limit_mb)
    image_format, (width, height) = _header(file, name)
    limit = settings.NEWSROOM_MAX_IMAGE_PIXELS
    if width * height > limit:
        _refuse(
            "too_many_pixels",
            name=name,
            width=width,
            height=height,
            mpx=_number(width * height / 1e6),
            limit=_number(limit / 1e6),
        )
    if image_format not in FORMATS:
        _refuse("format", name=name, format=image_format or "?")
    return image_format


def reencode(file, image_format: str | None = None) -> ReencodedImage:
    """``file`` checked, decoded and written anew by Pillow in its own format: EXIF
    orientation applied, colour profile and caption and credit fields kept, nothing else.
    ``image_format``: what ``check(file)`` already answered, so the header is read once."""
    image_format = image_format or check(file)
    name = display_name(file)
    file.seek(0)
    data = file.read()
    try:
        image = Image.open(io.BytesIO(data), formats=[image_format])
        options = _encoder_options(image, data)
        image.load()
        # Pixels turned upright, so width and height are what readers see and no
        # orientation tag is needed; in place, so a large photo is not held twice.
        ImageOps.exif_transpose(image, in_place=True)
    except Exception as error:  # as Django's ImageField: what Pillow cannot decode is broken
        raise ValidationError(
            MESSAGES["invalid_image"], code="invalid_image", params={"name": name}
        ) from error
    # Nothing of the original rides along into the encoder but what ``options`` names.
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    encoded = _with_metadata(buffer.getvalue(), _kept_metadata(data))
    stem = os.path.splitext(name)[0] or "anh"
    return ReencodedImage(encoded, name=stem + FORMATS[image_format][1])


def display_name(file) -> str:
    return os.path.basename(getattr(file, "name", "") or "")


def _refuse(code, **params):
    raise ValidationError(MESSAGES[code], code=code, params=params)


def _number(value) -> str:
    """``12,3`` as Vietnamese writes decimals; whole numbers without a decimal."""
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",")


def _header(file, name):
    """Format and size from the header: Pillow's ``open`` is lazy and decodes nothing."""
    file.seek(0)
    try:
        # Between Pillow's limit (ours, see settings) and twice it, open() only warns;
        # check() refuses those itself, with the size in the message.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                return image.format, image.size
    except Image.DecompressionBombError:
        limit = settings.NEWSROOM_MAX_IMAGE_PIXELS
        _refuse(
            "far_too_many_pixels",
            name=name,
            mpx=_number(2 * Image.MAX_IMAGE_PIXELS / 1e6),
            limit=_number(limit / 1e6),
        )
    except Exception as error:  # as Django's ImageField: what Pillow cannot open is no image
        raise ValidationError(
            MESSAGES["invalid_image"], code="invalid_image", params={"name": name}
        ) from error
    finally:
        file.seek(0)


def _encoder_options(original, data) -> dict:
    """How to write ``original`` again without a visible loss."""
    info = original.info
    options = {}
    if info.get("icc_profile"):
        options["icc_profile"] = info["icc_profile"]
    if original.format == "JPEG":
        # The original's own quantisation tables and chroma subsampling, as
        # quality="keep" would (which needs the untransposed JpegImageFile).
        options["qtables"] = original.quantization
        if (subsampling := JpegImagePlugin.get_sampling(original)) != -1:
            options["subsampling"] = subsampling
        options["progressive"] = bool(info.get("progressive") or info.get("progression"))
    elif original.format == "PNG":
        if "transparency" in info:
            options["transparency"] = info["transparency"]
    elif original.format == "WEBP":
        if _webp_is_lossless(data):
            options["lossless"] = True
        else:
            options["quality"] = WEBP_QUALITY
    if original.format in ("JPEG", "PNG") and info.get("dpi"):
        options["dpi"] = info["dpi"]
    return options


def _webp_is_lossless(data: bytes) -> bool:
    """Whether the first image chunk of a RIFF WebP file is VP8L (lossless)."""
    offset = 12
    while offset + 8 <= len(data):
        kind = data[offset : offset + 4]
        if kind in (b"VP8 ", b"VP8L"):
            return kind == b"VP8L"
        size = int.from_bytes(data[offset + 4 : offset + 8], "little")
        offset += 8 + size + size % 2
    return False


def _kept_metadata(data: bytes) -> dict:
    """The caption and credit fields of the original, by pyexiv2 key."""
    try:
        source = pyexiv2.ImageData(data)
    except RuntimeError:
        return {}
    kept = {}
    try:
        for read, keys in (
            (source.read_iptc, KEPT_IPTC),
            (source.read_xmp, KEPT_XMP),
            (source.read_exif, KEPT_EXIF),
        ):
            try:
                values = read()
            except (RuntimeError, UnicodeDecodeError):
                # An unreadable block (say IPTC in an 8-bit code page) is left behind;
                # the photo matters more than its metadata.
                continue
            kept.update({key: _plain(values[key]) for key in keys if values.get(key)})
    finally:
        source.close()
    return kept


# What a photo desk's tools write, in the order each field is looked for (issue #10): the
# caption, then the photographer (By-line, dc:creator) before the agency credit lines.
CAPTION_KEYS = ["Iptc.Application2.Caption", "Xmp.dc.description", "Exif.Image.ImageDescription"]
CREDIT_KEYS = [
    "Iptc.Application2.Byline",
    "Xmp.dc.creator",
    "Iptc.Application2.Credit",
    "Xmp.photoshop.Credit",
    "Exif.Image.Artist",
]


def describe(file) -> dict[str, str]:
    """The caption and credit written into a photo file by the photographer's or the photo
    desk's tools (IPTC, XMP, EXIF, read by exiv2 through pyexiv2), to prefill the upload
    form; empty strings when there are none."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        kept = _kept_metadata(file.read())
    finally:
        if position is not None:
            file.seek(position)
    return {
        "caption": _first_text(kept, CAPTION_KEYS)[:500],
        "credit": _first_text(kept, CREDIT_KEYS)[:100],
    }


def _first_text(kept: dict, keys: list[str]) -> str:
    for key in keys:
        value = kept.get(key)
        if isinstance(value, dict):  # XMP language alternatives: the default, else any
            value = value.get('lang="x-default"') or next(iter(value.values()), "")
        if isinstance(value, list):  # XMP sequences (dc:creator): the names, joined
            value = ", ".join(str(item) for item in value if item)
        text = " ".join(str(value or "").split())
        if text:
            return text
    return ""


def _with_metadata(data: bytes, kept: dict) -> bytes:
    """``data`` with the ``kept`` fields written into it (WebP has no IPTC: XMP has them)."""
    if not kept:
        return data
    iptc = {key: value for key, value in kept.items() if key.startswith("Iptc.")}
    xmp = {key: value for key, value in kept.items() if key.startswith("Xmp.")}
    exif = {key: value for key, value in kept.items() if key.startswith("Exif.")}
    target = pyexiv2.ImageData(data)
    try:
        if iptc:
            target.modify_iptc({"Iptc.Envelope.CharacterSet": IPTC_UTF8, **iptc})
        if xmp:
            target.modify_xmp(xmp)
        if exif:
            target.modify_exif(exif)
        return target.get_bytes()
    except RuntimeError:
        # A value exiv2 will not write (too long for its IPTC field, say): the photo is
        # stored without the fields rather than refused.
        return data
    finally:
        target.close()


def _plain(value):
    """Metadata text without angle brackets: a kept caption carries no markup into the file."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return str(value).replace("<", "").replace(">", "")
