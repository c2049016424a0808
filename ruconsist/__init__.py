"""ruconsist: a translation-consistency linter for Russian/Chinese text."""

from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.markers import hookimpl

__version__ = "0.1.0"
__all__ = ["Diagnostic", "Location", "Severity", "__version__", "hookimpl"]
