"""Altair charts of toll escalation, source divergence, consistency checks and estimates.

Each builder takes the processed tables (as read by `tolltrace.tables.csvio.read_table`) and
returns a `Figure`: a named Altair chart with a title and a caption a reader understands
without the notebook. Data are aggregated before charting (one point per release, not
per mention) and capped, so a 100,000-article corpus still gives a small chart.

Escalation is drawn in escalation.py, divergence in divergence.py, consistency and
estimates in totals.py; the Figure, its shared pieces and its export (`save_figure`,
through vl-convert) in figures.py. Everything is reachable as `charts.X`.
"""

from __future__ import annotations

from tolltrace.model import DIVERGENCE_CLASSES
from tolltrace.publish import escalation
from tolltrace.publish.divergence import (
    DIVERGENCE_COLOURS,
    DIVERGENCE_LABELS,
    DIVERGENCE_SHAPES,
    MAX_DIVERGENCE_POINTS,
    MAX_DIVERGENCE_ROWS,
    divergence_chart,
    divergence_points,
)
from tolltrace.publish.escalation import (
    FIGURE_KINDS,
    KIND_SHAPES,
    MAX_COLOURED,
    escalation_chart,
    escalation_points,
    review_table,
)
from tolltrace.publish.figures import (
    OKABE_ITO,
    SENTENCE_CHARS,
    VL_VERSION,
    Figure,
    figure_label,
    save_figure,
    save_spec,
    shorten,
    spec_to_png,
    spec_to_svg,
)
from tolltrace.publish.totals import (
    MAX_CHECK_ROWS,
    STATUS_COLOURS,
    consistency_chart,
    estimates_chart,
)

# The whole chart API, wherever each piece is defined (notebooks call charts.X).
__all__ = [
    "DIVERGENCE_CLASSES",
    "DIVERGENCE_COLOURS",
    "DIVERGENCE_LABELS",
    "DIVERGENCE_SHAPES",
    "FIGURE_KINDS",
    "KIND_SHAPES",
    "MAX_CHECK_ROWS",
    "MAX_DIVERGENCE_POINTS",
    "MAX_DIVERGENCE_ROWS",
    "MAX_COLOURED",
    "OKABE_ITO",
    "SENTENCE_CHARS",
    "STATUS_COLOURS",
    "VL_VERSION",
    "Figure",
    "consistency_chart",
    "divergence_chart",
    "divergence_points",
    "escalation_chart",
    "escalation_points",
    "escalation",
    "estimates_chart",
    "review_table",
    "figure_label",
    "save_figure",
    "save_spec",
    "shorten",
    "spec_to_png",
    "spec_to_svg",
]
