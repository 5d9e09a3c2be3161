"""Publish: charts, the notebooks' helpers and the HTML reports."""
