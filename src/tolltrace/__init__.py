"""tolltrace: from raw article texts to death-toll claims, escalation and divergence."""

import sys

__version__ = "0.1.0"

# jsonschema (imported by altair and nbformat) builds an RFC 3987 Earley parser at import
# time whenever the optional rfc3987_syntax package is installed (Jupyter pulls it in):
# about 1.8 s in every process and notebook kernel, for an "iri" format check nothing here
# uses. Marking the module absent makes jsonschema skip that one check. See publish/report.py.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
