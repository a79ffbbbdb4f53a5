"""Scene pictures drawn with Pillow for the demo photo library (nothing downloaded or copied).

Each picture is a few gradients and shapes that suggest a place: a port, a skyline,
rice fields, a river, hills, a pitch, a market, a school, a festival, a flood, an
industrial zone. The same ``seed`` always gives the same picture.
"""

import io
import math
import random
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 1600, 900

# Sky gradients (top, horizon) for a few times of day.
SKIES = {
    "dawn": ((255, 183, 142), (255, 228, 196)),
    "noon": ((74, 144, 226), (190, 225, 250)),
    "dusk": ((72, 52, 120), (250, 140, 90)),
    "grey": ((110, 120, 130), (185, 190, 195)),
}
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


def draw(scene: str, seed: int, label: str = "", sky: str = "") -> bytes:
    """A ``WIDTH``×``HEIGHT`` JPEG of ``scene``, with ``label`` (a place name) in a corner."""
    rng = random.Random(seed)
    sky = sky or rng.choice(list(SKIES))
    horizon = int(HEIGHT * rng.uniform(0.45, 0.6))
    image = Image.new("RGB", (WIDTH, HEIGHT))
    d = ImageDraw.Draw(image)
    _gradient(d, 0, horizon, *SKIES[sky])
    _sun(d, rng, sky, horizon)
    painter = SCENES.get(scene, _city)
    painter(d, rng, horizon)
    if sky == "grey" or scene == "flood":
        _rain(d, rng)
    image = image.filter(ImageFilter.SMOOTH)
    if label:
        _label(image, label)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82, optimize=True)
    return out.getvalue()


def _mix(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def _jitter(colour, rng, amount=18):
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def _gradient(d, top, bottom, start, end):
    span = max(1, bottom - top)
    for y in range(top, bottom):
        d.line([(0, y), (WIDTH, y)], fill=_mix(start, end, (y - top) / span))


def _sun(d, rng, sky, horizon):
    if sky == "grey":
        return
    x, r = rng.randint(150, WIDTH - 150), rng.randint(40, 80)
    y = horizon - rng.randint(60, 300)
    colour = (255, 240, 200) if sky != "dusk" else (255, 190, 120)
    d.ellipse([x - r, y - r, x + r, y + r], fill=colour)


def _ground(d, horizon, top, bottom):
    _gradient(d, horizon, HEIGHT, top, bottom)


def _buildings(d, rng, base, low, high, palette, windows=True):
    x = -20
    while x < WIDTH:
        w = rng.randint(60, 160)
        h = rng.randint(low, high)
        colour = _jitter(rng.choice(palette), rng)
        d.rectangle([x, base - h, x + w, base], fill=colour)
        if windows:
            lit = _mix(colour, (255, 236, 170), 0.55)
            for wy in range(base - h + 14, base - 14, 26):
                for wx in range(x + 10, x + w - 14, 22):
                    if rng.random() < 0.6:
                        d.rectangle([wx, wy, wx + 10, wy + 14], fill=lit)
        x += w + rng.randint(-10, 12)


def _port(d, rng, horizon):
    _ground(d, horizon, (40, 100, 150), (15, 45, 80))
    quay = horizon + 40
    d.rectangle([0, horizon - 10, WIDTH, quay], fill=(95, 95, 100))
    colours = [(200, 60, 50), (40, 110, 170), (230, 160, 40), (60, 140, 90), (150, 150, 155)]
    for _ in range(rng.randint(25, 40)):
        x, level = rng.randint(0, WIDTH - 90), rng.randint(0, 3)
        y = horizon - 10 - 34 * (level + 1)
        d.rectangle([x, y, x + 86, y + 32], fill=_jitter(rng.choice(colours), rng, 12))
    for _ in range(rng.randint(3, 5)):
        x = rng.randint(80, WIDTH - 200)
        top = horizon - rng.randint(260, 360)
        d.rectangle([x, top, x + 14, horizon - 10], fill=(210, 90, 40))
        d.rectangle([x - 80, top, x + 200, top + 16], fill=(210, 90, 40))
        d.line([(x + 7, top), (x + 180, top + 16)], fill=(60, 60, 60), width=3)
    hull = rng.randint(100, WIDTH - 600)
    d.polygon(
        [
            (hull, quay + 60),
            (hull + 520, quay + 60),
            (hull + 480, quay + 130),
            (hull + 30, quay + 130),
        ],
        fill=(40, 40, 55),
    )


def _city(d, rng, horizon):
    _ground(d, horizon, (90, 95, 100), (50, 55, 60))
    _buildings(d, rng, horizon, 80, 200, [(150, 160, 175), (120, 130, 150)], windows=False)
    _buildings(d, rng, horizon + 40, 120, 380, [(70, 80, 100), (110, 90, 80), (60, 100, 110)])
    d.rectangle([0, horizon + 40, WIDTH, horizon + 90], fill=(45, 45, 50))
    for x in range(0, WIDTH, 120):
        d.rectangle([x, horizon + 62, x + 60, horizon + 68], fill=(235, 235, 220))


def _fields(d, rng, horizon):
    greens = [(120, 180, 60), (90, 160, 70), (160, 200, 80), (200, 190, 90)]
    y = horizon
    while y < HEIGHT:
        h = int((y - horizon) * 0.25) + rng.randint(10, 25)
        d.rectangle([0, y, WIDTH, y + h], fill=_jitter(rng.choice(greens), rng, 14))
        d.line([(0, y), (WIDTH, y)], fill=(70, 120, 50), width=2)
        y += h
    for _ in range(rng.randint(3, 7)):
        x = rng.randint(50, WIDTH - 50)
        base = rng.randint(horizon + 60, HEIGHT - 40)
        d.polygon([(x - 26, base), (x + 26, base), (x, base - 22)], fill=(200, 170, 90))
        d.rectangle([x - 4, base, x + 4, base + 30], fill=(40, 60, 90))
    _hills(d, rng, horizon, layers=1)


def _hills(d, rng, horizon, layers=3):
    for layer in range(layers):
        colour = _mix((120, 150, 170), (40, 100, 60), (layer + 1) / (layers + 1))
        points = [(0, horizon)]
        for x in range(0, WIDTH + 100, 100):
            points.append((x, horizon - rng.randint(20, 160 - layer * 30) + layer * 25))
        points.append((WIDTH, horizon + 5))
        d.polygon(points, fill=colour)


def _mountains(d, rng, horizon):
    _hills(d, rng, horizon, layers=3)
    _ground(d, horizon, (60, 120, 60), (30, 80, 40))
    for _ in range(rng.randint(6, 12)):
        x, y = rng.randint(0, WIDTH), rng.randint(horizon + 30, HEIGHT - 30)
        r = rng.randint(20, 50)
        d.ellipse([x - r, y - 2 * r, x + r, y], fill=_jitter((30, 90, 40), rng))
        d.rectangle([x - 4, y, x + 4, y + 20], fill=(80, 60, 40))


def _river(d, rng, horizon):
    _ground(d, horizon, (100, 160, 80), (60, 120, 50))
    top_w, bottom_w = 120, WIDTH * 0.9
    centre = WIDTH // 2 + rng.randint(-200, 200)
    d.polygon(
        [
            (centre - top_w, horizon),
            (centre + top_w, horizon),
            (centre + bottom_w / 2, HEIGHT),
            (centre - bottom_w / 2, HEIGHT),
        ],
        fill=(150, 120, 80),
    )
    for _ in range(rng.randint(3, 6)):
        y = rng.randint(horizon + 40, HEIGHT - 40)
        x = centre + rng.randint(-200, 200)
        w = 60 + (y - horizon) // 3
        d.polygon(
            [(x - w, y), (x + w, y), (x + w - 20, y + 18), (x - w + 20, y + 18)], fill=(70, 50, 35)
        )
        d.rectangle([x - w // 3, y - 20, x + w // 3, y], fill=_jitter((40, 110, 160), rng, 30))
    for side in (-1, 1):
        for _ in range(8):
            x = centre + side * rng.randint(260, 760)
            y = rng.randint(horizon, horizon + 160)
            d.line([(x, y), (x + side * 20, y - 90)], fill=(90, 70, 40), width=6)
            d.ellipse(
                [x + side * 20 - 60, y - 130, x + side * 20 + 60, y - 70], fill=(40, 120, 50)
            )


def _pitch(d, rng, horizon):
    d.rectangle([0, horizon - 140, WIDTH, horizon], fill=(70, 70, 90))
    for _ in range(900):
        x, y = rng.randint(0, WIDTH), rng.randint(horizon - 135, horizon - 5)
        d.point((x, y), fill=rng.choice([(220, 40, 40), (250, 250, 250), (30, 60, 160)]))
    for stripe, y in enumerate(range(horizon, HEIGHT, 40)):
        colour = (60, 150, 60) if stripe % 2 else (70, 165, 70)
        d.rectangle([0, y, WIDTH, y + 40], fill=colour)
    d.line([(WIDTH // 2, horizon), (WIDTH // 2, HEIGHT)], fill=(240, 240, 240), width=5)
    d.ellipse(
        [WIDTH // 2 - 160, horizon + 140, WIDTH // 2 + 160, horizon + 300],
        outline=(240, 240, 240),
        width=5,
    )
    for _ in range(rng.randint(6, 10)):
        x, y = rng.randint(100, WIDTH - 100), rng.randint(horizon + 40, HEIGHT - 80)
        kit = rng.choice([(220, 30, 30), (250, 220, 0)])
        d.rectangle([x - 10, y - 50, x + 10, y], fill=kit)
        d.ellipse([x - 9, y - 70, x + 9, y - 52], fill=(230, 190, 150))


def _market(d, rng, horizon):
    _ground(d, horizon, (170, 150, 120), (120, 100, 80))
    _buildings(d, rng, horizon, 120, 260, [(220, 200, 150), (200, 170, 140)], windows=False)
    awnings = [(220, 60, 60), (40, 120, 200), (250, 180, 40), (60, 160, 90)]
    x = 20
    while x < WIDTH - 100:
        w = rng.randint(140, 220)
        top = horizon + rng.randint(10, 60)
        colour = rng.choice(awnings)
        d.polygon(
            [(x, top + 60), (x + w, top + 60), (x + w - 20, top), (x + 20, top)], fill=colour
        )
        d.rectangle([x + 10, top + 60, x + w - 10, top + 140], fill=(110, 80, 50))
        for _ in range(12):
            fx, fy = rng.randint(x + 15, x + w - 25), rng.randint(top + 62, top + 100)
            fruit = rng.choice([(250, 140, 0), (200, 30, 40), (120, 190, 40), (250, 220, 60)])
            d.ellipse([fx, fy, fx + 16, fy + 16], fill=fruit)
        x += w + 30


def _school(d, rng, horizon):
    _ground(d, horizon, (200, 190, 170), (150, 140, 120))
    left, right = 180, WIDTH - 180
    top = horizon - 330
    d.rectangle([left, top, right, horizon], fill=(245, 215, 120))
    d.polygon(
        [(left - 30, top), (right + 30, top), (right, top - 60), (left, top - 60)],
        fill=(170, 60, 50),
    )
    for floor in range(3):
        y = top + 30 + floor * 100
        for x in range(left + 40, right - 60, 110):
            d.rectangle([x, y, x + 60, y + 60], fill=(80, 140, 190))
    pole = right - 40
    d.line([(pole, horizon), (pole, top - 160)], fill=(200, 200, 200), width=6)
    d.rectangle([pole, top - 160, pole + 90, top - 100], fill=(218, 37, 29))
    d.regular_polygon((pole + 45, top - 130, 16), 5, fill=(255, 255, 0))
    for _ in range(rng.randint(20, 30)):
        x, y = rng.randint(40, WIDTH - 40), rng.randint(horizon + 40, HEIGHT - 40)
        d.rectangle([x - 8, y - 36, x + 8, y], fill=(250, 250, 250))
        d.rectangle([x - 8, y - 12, x + 8, y], fill=(30, 50, 110))
        d.ellipse([x - 8, y - 52, x + 8, y - 36], fill=(60, 40, 30))


def _festival(d, rng, horizon):
    _ground(d, horizon, (60, 40, 50), (30, 20, 30))
    _buildings(d, rng, horizon, 100, 240, [(130, 80, 60), (160, 110, 70), (100, 70, 80)])
    for row in range(3):
        y0 = 120 + row * 110
        d.line([(0, y0), (WIDTH, y0 + 40)], fill=(40, 30, 20), width=2)
        for x in range(40, WIDTH, 90):
            y = y0 + 40 * x / WIDTH
            colour = rng.choice([(240, 60, 50), (250, 190, 40), (230, 110, 40), (200, 40, 120)])
            d.ellipse([x - 22, y, x + 22, y + 52], fill=colour)
            d.rectangle([x - 6, y + 52, x + 6, y + 60], fill=(250, 220, 90))
    for _ in range(rng.randint(30, 50)):
        x, y = rng.randint(0, WIDTH), rng.randint(horizon + 20, HEIGHT)
        d.ellipse([x - 12, y - 40, x + 12, y], fill=_jitter((50, 40, 50), rng, 20))


def _flood(d, rng, horizon):
    _buildings(d, rng, horizon + 60, 120, 260, [(160, 150, 140), (130, 120, 115)], windows=False)
    water = horizon + rng.randint(0, 40)
    _gradient(d, water, HEIGHT, (120, 110, 90), (80, 70, 55))
    for _ in range(40):
        x, y = rng.randint(0, WIDTH), rng.randint(water, HEIGHT)
        d.line([(x, y), (x + rng.randint(40, 140), y)], fill=(150, 140, 120), width=2)
    x = rng.randint(200, WIDTH - 400)
    y = rng.randint(water + 60, HEIGHT - 120)
    d.polygon([(x, y), (x + 260, y), (x + 230, y + 50), (x + 30, y + 50)], fill=(240, 120, 30))
    for i in range(4):
        d.ellipse([x + 40 + i * 50, y - 40, x + 70 + i * 50, y - 10], fill=(250, 150, 40))


def _industrial(d, rng, horizon):
    _ground(d, horizon, (130, 170, 110), (80, 130, 70))
    for _ in range(rng.randint(4, 6)):
        x = rng.randint(0, WIDTH - 300)
        w, h = rng.randint(220, 340), rng.randint(90, 170)
        base = horizon + rng.randint(20, 120)
        d.rectangle([x, base - h, x + w, base], fill=_jitter((200, 205, 210), rng, 10))
        for px in range(x + 8, x + w - 30, 36):
            d.polygon(
                [
                    (px, base - h),
                    (px + 30, base - h),
                    (px + 40, base - h - 18),
                    (px + 10, base - h - 18),
                ],
                fill=(30, 60, 120),
            )
    for _ in range(rng.randint(3, 5)):
        x = rng.randint(60, WIDTH - 60)
        top = horizon - rng.randint(220, 320)
        d.line([(x, horizon), (x, top)], fill=(240, 240, 240), width=8)
        for angle in (0, 120, 240):
            a = math.radians(angle + rng.randint(0, 119))
            d.line(
                [(x, top), (x + 110 * math.cos(a), top + 110 * math.sin(a))],
                fill=(245, 245, 245),
                width=6,
            )
    for _ in range(12):
        x = rng.randint(0, WIDTH)
        y = rng.randint(horizon + 150, HEIGHT - 20)
        d.ellipse([x - 40, y - 80, x + 40, y], fill=_jitter((40, 120, 50), rng))


def _rain(d, rng):
    for _ in range(500):
        x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        d.line([(x, y), (x - 6, y + 24)], fill=(200, 205, 215), width=1)


def _label(image, text):
    font = _font(38)
    d = ImageDraw.Draw(image)
    box = d.textbbox((0, 0), text, font=font)
    w, h = box[2] - box[0], box[3] - box[1]
    x, y = 36, HEIGHT - h - 48
    d.rectangle([x - 14, y - 10, x + w + 14, y + h + 18], fill=(0, 0, 0))
    d.text((x, y - box[1] + 4), text, font=font, fill=(255, 255, 255))


@cache
def _font(size):
    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


SCENES = {
    "port": _port,
    "city": _city,
    "fields": _fields,
    "mountains": _mountains,
    "river": _river,
    "pitch": _pitch,
    "market": _market,
    "school": _school,
    "festival": _festival,
    "flood": _flood,
    "industrial": _industrial,
}
