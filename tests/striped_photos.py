"""A photo of three stripes, red, green and blue, for the focal point's tests: which colour
fills a crop says where around the point it was cut."""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from articles.models import Photo

RED, GREEN, BLUE = (220, 20, 20), (20, 180, 20), (20, 20, 220)


def striped_png(width=3000, height=600):
    """Left third red, middle third green, right third blue."""
    image = Image.new("RGB", (width, height), GREEN)
    image.paste(RED, (0, 0, width // 3, height))
    image.paste(BLUE, (2 * width // 3, 0, width, height))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="ba-dai-mau.png")


def striped_photo(**fields):
    photo = Photo(image=striped_png(), caption="Ba dải màu", credit="Hoàng Tùng", **fields)
    photo.save()
    return photo


def opened(name):
    with default_storage.open(name) as f:
        image = Image.open(f)
        image.load()
    return image


def dominant(image):
    """The colour (of red, green, blue) most pixels are closest to."""
    counts = {RED: 0, GREEN: 0, BLUE: 0}
    for count, pixel in image.convert("RGB").getcolors(image.width * image.height):
        nearest = min(
            counts, key=lambda c: sum((a - b) ** 2 for a, b in zip(c, pixel, strict=True))
        )
        counts[nearest] += count
    return max(counts, key=counts.get)


def social_image(photo):
    return opened(photo.renditions["social"]["name"])
