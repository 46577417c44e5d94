"""Each chart drawn from a known data set, read back as pixels: the right size, not blank, the right colours."""

from __future__ import annotations

import io
import sys
from datetime import date, timedelta

import pytest

from commands.charts import palette
from commands.charts.render import HEATMAP_AXES, Image, cache_clear, render
from commands.charts.specs import Burndown, GatesOnTime, GateTimeliness, HeatMap, LevelCounts, RagPoint, RagTrend

PIL = pytest.importorskip("PIL.Image")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
START = date(2026, 9, 7)

# Seven open risks: two at L5 × I5 (critical), one at L4 × I3 (high), four at L1 × I2 (low).
HEAT = HeatMap.of([(5, 5), (5, 5), (4, 3), (1, 2), (1, 2), (1, 2), (1, 2)])
TREND = RagTrend(
    projects=(
        (
            "EHR",
            tuple(
                RagPoint(day=START + timedelta(weeks=w), rag=r)
                for w, r in enumerate(["green"] * 8 + ["amber"] * 3 + ["red"])
            ),
        ),
        ("LAB", tuple(RagPoint(day=START + timedelta(weeks=w), rag="green") for w in range(12))),
    )
)
BURN = Burndown(
    points=tuple(
        LevelCounts(day=START + timedelta(weeks=w), critical=max(0, 2 - w // 4), high=6 - w // 2, medium=4, low=3)
        for w in range(12)
    )
)
GATES = GatesOnTime(rows=(GateTimeliness(label="EHR", on_time=3, late=1), GateTimeliness(label="LAB", on_time=2)))


def pixels(image: Image) -> PIL.Image:
    assert image.png.startswith(PNG_SIGNATURE)
    with PIL.open(io.BytesIO(image.png)) as im:
        return im.convert("RGB")


def cell_colour(im: PIL.Image, likelihood: int, impact: int) -> tuple[int, int, int]:
    """A point inside the cell, clear of its centred label."""
    left, bottom, width, height = HEATMAP_AXES
    x = left + width * (impact - 0.5 - 0.3) / 5
    y = bottom + height * (likelihood - 0.5 - 0.3) / 5
    px: tuple[int, int, int] = im.getpixel((round(x * im.width), round((1 - y) * im.height)))
    return px


def close(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 10) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("spec", [HEAT, TREND, BURN, GATES], ids=lambda s: s.kind)
def test_each_chart_is_a_png_of_thumbnail_size_with_something_on_it(spec):
    image = render(spec, scale=1)
    im = pixels(image)
    assert (im.width, im.height) == (image.width, image.height) == (360, 300)
    colours = im.getcolors(maxcolors=100_000)
    assert colours is not None and len(colours) > 8  # not a blank canvas
    white = max(colours)[0] / (im.width * im.height)
    assert white < 0.95
    assert image.alt and image.title and image.filename.endswith(".png")


def test_the_heat_map_colours_each_cell_by_its_level_and_fades_the_empty_ones():
    im = pixels(render(HEAT, scale=2))
    assert (im.width, im.height) == (720, 600)
    assert close(cell_colour(im, 5, 5), palette.rgb(palette.VERMILLION))  # critical, two risks
    assert close(cell_colour(im, 4, 3), palette.rgb(palette.ORANGE))  # high, one risk
    assert close(cell_colour(im, 1, 2), palette.rgb(palette.BLUISH_GREEN))  # low, four risks
    assert close(cell_colour(im, 5, 1), palette.rgb(palette.faded(palette.YELLOW)))  # medium, empty


def test_the_heat_map_alt_text_reads_the_cells_worst_first():
    assert render(HEAT).alt == (
        "Open risks by likelihood × impact: 7 open. L5 × I5 = 25 (critical): 2; L4 × I3 = 12 (high): 1; "
        "L1 × I2 = 2 (low): 4."
    )


def test_the_other_charts_say_in_words_what_they_show():
    assert "EHR: green 07 Sep" in render(TREND).alt and "now red" in render(TREND).alt
    assert "critical 2 → 0, high 6 → 1, medium 4 → 4, low 3 → 3" in render(BURN).alt
    assert (
        render(GATES).alt
        == "Gates decided on time vs late: 5 of 6 on time. EHR: 3 on time, 1 late; LAB: 2 on time, 0 late."
    )


def test_the_same_data_is_drawn_once():
    cache_clear()
    first = render(HEAT)
    assert render(HeatMap.of([(5, 5), (5, 5), (4, 3), (1, 2), (1, 2), (1, 2), (1, 2)])) is first
    assert render(HeatMap.of([(5, 5)])) is not first


def test_importing_the_chart_specs_does_not_import_matplotlib(tmp_path):
    import subprocess

    code = "import commands.charts.render, commands.digests.run, sys; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_one_project_with_one_gate_is_one_modest_bar_not_a_slab_across_the_plot():
    im = pixels(render(GatesOnTime(rows=(GateTimeliness(label="EHR", on_time=1),)), scale=1))
    blue = sum(n for n, c in im.getcolors(maxcolors=100_000) if close(c, palette.rgb(palette.ON_TIME), 30))
    share = blue / (im.width * im.height)
    assert 0.005 < share < 0.06  # drawn, and a fraction of the plot (it filled half the picture before)
