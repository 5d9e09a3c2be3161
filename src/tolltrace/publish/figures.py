"""A chart as a `Figure`, the pieces every chart shares (palette, how a figure is worded,
subtitles, Vega label expressions) and export to SVG and PNG.

Export (`save_figure`) goes through vl-convert, which renders offline and gives the same
bytes on every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert

from tolltrace.model import Qualifier

# Vega-Lite version the installed Altair writes, as vl-convert names it ("6.4").
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])

SENTENCE_CHARS = 240

# The charts' font, shipped in FONTS_DIR for exports; browsers fall back to the others.
FONTS_DIR = Path(__file__).resolve().parent / "fonts"
CHART_FONT = "Tolltrace Sans, Liberation Sans, Arial, Helvetica, sans-serif"

# Okabe–Ito palette: distinguishable with the common forms of colour blindness.
OKABE_ITO = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart ready to show and export: a file-safe name, the chart and its caption."""

    name: str
    title: str
    caption: str
    chart: alt.TopLevelMixin
    rows: int = 0  # data rows drawn; 0 means there was nothing to chart

    def spec(self) -> dict:
        """Return the Vega-Lite specification as a dict."""
        return self.chart.to_dict()


def as_text(series: pd.Series) -> pd.Series:
    """Return `series` as strings with missing values as ''."""
    return series.astype("object").where(series.notna(), "").astype(str)


def _int_or_none(value: object) -> int | None:
    """Return `value` as an int, or None when it is missing or not a number."""
    number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
    return None if pd.isna(number) else int(number)


def figure_label(low: object, high: object, qualifier: str, vague_term: str = "") -> str:
    """Return a reader's wording of a figure: 'more than 50', '20–30', 'dozens (12)'."""
    lo, hi = _int_or_none(low), _int_or_none(high)
    lo_text = f"{lo:,}" if lo is not None else "?"
    if qualifier == Qualifier.RANGE and hi is not None:
        return f"{lo_text}–{hi:,}"
    if qualifier == Qualifier.VAGUE:
        return f"{vague_term or 'vague'} (coded {lo_text})"
    if qualifier == Qualifier.UP_TO and hi is not None:
        return f"up to {hi:,}"
    prefix = {
        Qualifier.MORE_THAN: "more than ",
        Qualifier.AT_LEAST: "at least ",
        Qualifier.ABOUT: "about ",
    }
    return prefix.get(qualifier, "") + lo_text


def shorten(text: str, limit: int = SENTENCE_CHARS) -> str:
    """Return `text` with whitespace collapsed, cut to `limit` characters with '…'."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def wrap(text: str, width: int = 110) -> list[str]:
    """Split `text` into lines of at most `width` characters for a chart subtitle."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def source_line(n_articles: int | None) -> str:
    """The last line of every chart's subtitle, so an exported SVG or PNG carries it."""
    if n_articles is None:
        read = "the articles"
    else:
        read = f"{n_articles:,} {'article' if n_articles == 1 else 'articles'}"
    return f"Source: tolltrace's reading of {read}. Tolls as reported, not verified."


def n_articles(table: pd.DataFrame, column: str = "article_id") -> int:
    """How many articles a chart's table draws on (ids in `column`, several per cell
    separated by ';' as in escalation.csv)."""
    if column not in table or table.empty:
        return 0
    ids = as_text(table[column]).str.split(";").explode().str.strip()
    return int(ids[ids != ""].nunique())


def titled(
    chart: alt.TopLevelMixin,
    title: str,
    caption: str,
    articles: int | None,
    fit: tuple[int, int] | None = None,
    wrap_at: int = 110,
) -> alt.TopLevelMixin:
    """`chart` with its title, the caption as subtitle and the source line under it.

    `fit` = (plot width, pixels the chart needs beside its plot: axis labels, line-end
    labels): the published page narrows the plot to fit a phone's screen (report.INIT_JS
    reads it from `usermeta`) and shows the title and subtitle as text above the chart.
    """
    chart = chart.properties(
        title=alt.Title(
            title, anchor="start", subtitle=[*wrap(caption, wrap_at), source_line(articles)]
        )
    )
    chart = chart.configure(font=CHART_FONT)
    if fit is not None:
        width, reserve = fit
        chart = chart.properties(usermeta={"tolltrace": {"width": width, "reserve": reserve}})
    return chart


def label_expr(labels: dict[str, str]) -> str:
    """Return a Vega expression mapping legend values to the readable labels in `labels`."""
    parts = [f"datum.value === {_js_string(k)} ? {_js_string(v)}" for k, v in labels.items()]
    return " : ".join(parts) + " : datum.value"


def _js_string(text: str) -> str:
    """Return `text` as a single-quoted Vega expression string literal."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


@cache
def _register_fonts() -> None:
    """Give vl-convert the shipped fonts (once per process), so exports do not depend on
    the fonts a machine has installed."""
    vl_convert.register_font_directory(str(FONTS_DIR))


def spec_to_svg(spec: dict) -> str:
    """Render a Vega-Lite spec to SVG text with vl-convert (offline, same bytes every run)."""
    _register_fonts()
    return vl_convert.vegalite_to_svg(spec, vl_version=VL_VERSION)


def spec_to_png(spec: dict, scale: float = 2.0) -> bytes:
    """Render a Vega-Lite spec to PNG bytes with vl-convert at `scale` times its size."""
    _register_fonts()
    return vl_convert.vegalite_to_png(spec, vl_version=VL_VERSION, scale=scale)


def save_spec(spec: dict, name: str, out_dir: Path, svg: str | None = None) -> list[Path]:
    """Write `spec` as NAME.svg and NAME.png into `out_dir`; return the two paths.

    `svg`, when given, is the spec's SVG already rendered by spec_to_svg (as a notebook
    output holds it), which saves rendering it again.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    svg_path = out_dir / f"{name}.svg"
    png_path = out_dir / f"{name}.png"
    svg_text = svg if svg is not None else spec_to_svg(spec)
    svg_path.write_text(svg_text, encoding="utf-8", newline="\n")
    png_path.write_bytes(spec_to_png(spec))
    return [svg_path, png_path]


def save_figure(figure: Figure, out_dir: Path) -> list[Path]:
    """Write `figure` as NAME.svg and NAME.png into `out_dir`; return the two paths."""
    return save_spec(figure.spec(), figure.name, out_dir)
