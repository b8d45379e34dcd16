"""Graph analytics and the figure audit over the knowledge graph (``kg analyze``).

graphs.py builds networkx graphs from the store by SPARQL; rankings.py ranks and clusters them; audit.py
checks the reports' numbers against each other and writes the findings back as ``akg:AuditFinding``
nodes; export.py writes GraphML/GEXF; report.py runs it all and renders the table.
"""

from kg.analytics.audit import AUDIT_GRAPH, Finding, run_audit, write_audit
from kg.analytics.report import analyze, render_table

__all__ = ["AUDIT_GRAPH", "Finding", "analyze", "render_table", "run_audit", "write_audit"]
