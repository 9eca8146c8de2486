"""Self-contained pyvis diagrams of the registry graph (one offline HTML file each).

    >>> from graphreg.visualizations import village_diagram
    >>> callable(village_diagram)
    True
"""

from .diagrams import village_diagram
from .page import network_references, render_html, write_page

__all__ = ["village_diagram", "network_references", "render_html", "write_page"]
