"""Draw the site's favicon (a white "D" on the brand colour) as SVG, PNG and ICO.

Run once after changing the design; the files are committed under distrikt/static/.
    .venv/bin/python scripts/make_favicon.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

BRAND = "#0b4f6c"
STATIC = Path(__file__).resolve().parents[1] / "distrikt" / "static"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="12" fill="{BRAND}"/>
<path d="M18 14h13c11 0 18 7 18 18s-7 18-18 18H18zm8 7v22h5c6 0 10-4 10-11s-4-11-10-11z" fill="#fff"/>
</svg>
"""


def draw(size: int) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 5, fill=BRAND)
    font = ImageFont.truetype(FONT, int(size * 0.72))
    pen.text((size / 2, size / 2), "D", font=font, fill="white", anchor="mm")
    return image


def main() -> None:
    (STATIC / "favicon.svg").write_text(SVG, encoding="utf-8")
    draw(180).save(STATIC / "apple-touch-icon.png")
    big = draw(256)
    big.save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    print("Wrote favicon.svg, favicon.ico and apple-touch-icon.png")


if __name__ == "__main__":
    main()
