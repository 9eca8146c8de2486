"""graphreg: China's poverty registry (建档立卡) as a Neo4j graph.

Importing graphreg neither prints nor starts anything. Start with :func:`graphreg.db.connect`.
"""

__version__ = "0.1.0"
