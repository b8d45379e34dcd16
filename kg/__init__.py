"""anode-kg: a knowledge graph of the anode materials industry built from market-research reports."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = __version__
