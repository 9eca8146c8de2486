"""Self-contained pyvis diagrams of the registry graph (one offline HTML file each).

    >>> from graphreg.visualizations import village_diagram
    >>> callable(village_diagram)
    True
"""

from .diagrams import (DIAGRAM_KINDS, county_diagram, county_network, diagram,
                       household_diagram, overlap_diagram, path_diagram, trace_diagram,
                       unit_diagram, village_diagram)
from .page import network_references, render_html, write_page

__all__ = ["diagram", "DIAGRAM_KINDS", "village_diagram", "household_diagram", "unit_diagram",
           "county_diagram", "county_network", "overlap_diagram", "trace_diagram",
           "path_diagram", "network_references", "render_html", "write_page"]
