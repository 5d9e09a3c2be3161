"""tolltrace: from raw article texts to death-toll claims, escalation and divergence."""

__version__ = "0.1.0"
