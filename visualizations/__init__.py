"""Self-contained pyvis diagrams of the registry graph."""
